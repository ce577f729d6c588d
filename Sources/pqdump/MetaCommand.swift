import ParquetFormat
import ParquetReader

/// `pqdump meta`: the file summary, schema, key-value metadata, row groups and column
/// chunks with decoded statistics.
enum MetaCommand {
    /// Key-value values longer than this are abbreviated in text output.
    static let abbreviationLength = 120

    static func run(_ context: DumpContext) {
        let reader = context.reader
        let metadata = reader.metadata
        let chunks = metadata.rowGroups.flatMap(\.columns).compactMap(\.metaData)
        let compressed = FooterSum.of(chunks.lazy.map(\.totalCompressedSize))
        let uncompressed = FooterSum.of(chunks.lazy.map(\.totalUncompressedSize))
        let sizesOverflow = compressed == nil || uncompressed == nil
        let ratio = compressed.flatMap { compressed in
            uncompressed.flatMap { compressed > 0 && $0 >= 0 ? Double($0) / Double(compressed) : nil }
        }
        let keyValues = metadata.keyValueMetadata ?? []
        let voparquet = VOParquetSummary(reader)
        context.emit(
            json: .object([
                ("file_size", .integer(reader.fileSize)),
                ("footer_length", .integer(reader.footerLength)),
                ("created_by", .optional(metadata.createdBy) { .string($0) }),
                ("format_version", .integer(metadata.version)),
                ("num_rows", .integer(metadata.numRows)),
                ("num_row_groups", .integer(metadata.rowGroups.count)),
                ("num_columns", .integer(reader.schema.leaves.count)),
                ("compression_ratio", .optional(ratio) { .real($0) }),
                ("column_sizes_overflow", .bool(sizesOverflow)),
                ("key_value_metadata", .object(keyValues.map { ($0.key, .optional($0.value) { .string($0) }) })),
                ("voparquet", .optional(voparquet) { $0.json }),
                ("schema", SchemaDescription.json(reader.schema)),
                ("row_groups", .array(metadata.rowGroups.enumerated().map { rowGroupJSON($1, index: $0, context) })),
            ])
        ) {
            var lines = [
                "file: \(reader.fileSize) bytes, footer \(reader.footerLength) bytes",
                "created_by: \(metadata.createdBy ?? "(none)")",
                "format version: \(metadata.version)",
                "rows: \(metadata.numRows) in \(metadata.rowGroups.count) row groups, \(reader.schema.leaves.count) columns",
                "compression ratio: "
                    + (ratio.map { String(format2: $0) + "x" }
                        ?? (sizesOverflow ? "n/a (the column chunk sizes add up to more than Int64 holds)" : "n/a")),
                "", "schema:",
            ]
            lines += SchemaDescription.lines(reader.schema).map { "  " + $0 }
            lines += ["", "key-value metadata:" + (keyValues.isEmpty ? " (none)" : "")]
            for keyValue in keyValues {
                lines.append("  \(keyValue.key) = " + abbreviated(keyValue.value ?? "(null)"))
            }
            if let voparquet { lines += ["", "VOParquet: " + voparquet.line] }
            for (index, rowGroup) in metadata.rowGroups.enumerated() {
                lines += rowGroupLines(rowGroup, index: index, context)
            }
            return lines
        }
    }

    private static func rowGroupJSON(_ rowGroup: RowGroup, index: Int, _ context: DumpContext) -> JSON {
        .object([
            ("num_rows", .integer(rowGroup.numRows)),
            ("total_byte_size", .integer(rowGroup.totalByteSize)),
            ("total_compressed_size", .optional(rowGroup.totalCompressedSize) { .integer($0) }),
            ("file_offset", .optional(rowGroup.fileOffset) { .integer($0) }),
            ("columns", .array(rowGroup.columns.enumerated().map { columnJSON($1, leaf: $0, context) })),
        ])
    }

    private static func columnJSON(_ chunk: ColumnChunk, leaf: Int, _ context: DumpContext) -> JSON {
        let meta = chunk.metaData!
        return .object([
            ("path", .string(meta.pathInSchema.joined(separator: "."))),
            ("physical_type", .string(meta.type.description)),
            ("codec", .string(meta.codec.description)),
            ("encodings", .array(meta.encodings.map { .string($0.description) })),
            ("num_values", .integer(meta.numValues)),
            ("total_compressed_size", .integer(meta.totalCompressedSize)),
            ("total_uncompressed_size", .integer(meta.totalUncompressedSize)),
            ("data_page_offset", .integer(meta.dataPageOffset)),
            ("dictionary_page_offset", .optional(meta.dictionaryPageOffset) { .integer($0) }),
            ("statistics", context.statisticsJSON(meta.statistics, leaf: leaf)),
            (
                "encoding_stats",
                .optional(meta.encodingStats) { stats in
                    .array(
                        stats.map {
                            .object([
                                ("page_type", .string($0.pageType.description)),
                                ("encoding", .string($0.encoding.description)),
                                ("count", .integer($0.count)),
                            ])
                        })
                }
            ),
            (
                "column_index",
                .optional(chunk.columnIndexOffset) { offset in
                    .object([
                        ("offset", .integer(offset)), ("length", .optional(chunk.columnIndexLength) { .integer($0) }),
                    ])
                }
            ),
            (
                "offset_index",
                .optional(chunk.offsetIndexOffset) { offset in
                    .object([
                        ("offset", .integer(offset)), ("length", .optional(chunk.offsetIndexLength) { .integer($0) }),
                    ])
                }
            ),
            (
                "bloom_filter",
                .optional(meta.bloomFilterOffset) { offset in
                    .object([
                        ("offset", .integer(offset)), ("length", .optional(meta.bloomFilterLength) { .integer($0) }),
                    ])
                }
            ),
        ])
    }

    private static func rowGroupLines(_ rowGroup: RowGroup, index: Int, _ context: DumpContext) -> [String] {
        var lines = [
            "",
            "row group \(index): \(rowGroup.numRows) rows, \(rowGroup.totalByteSize) bytes uncompressed"
                + (rowGroup.totalCompressedSize.map { ", \($0) compressed" } ?? ""),
        ]
        for (leaf, chunk) in rowGroup.columns.enumerated() {
            let meta = chunk.metaData!
            lines.append(
                "  \(meta.pathInSchema.joined(separator: ".")): \(meta.type) \(meta.codec), "
                    + "encodings \(meta.encodings.map(\.description).joined(separator: ","))")
            lines.append(
                "    values \(meta.numValues), compressed \(meta.totalCompressedSize), "
                    + "uncompressed \(meta.totalUncompressedSize), data page at \(meta.dataPageOffset)"
                    + (meta.dictionaryPageOffset.map { ", dictionary page at \($0)" } ?? ""))
            if case .object(let members) = context.statisticsJSON(meta.statistics, leaf: leaf) {
                lines.append("    statistics: " + members.map { "\($0.0)=\($0.1.plainText)" }.joined(separator: ", "))
            } else {
                lines.append("    statistics: none")
            }
            if let stats = meta.encodingStats {
                lines.append(
                    "    encoding stats: "
                        + stats.map { "\($0.pageType)/\($0.encoding)×\($0.count)" }.joined(separator: ", "))
            }
            let pageIndex = chunk.columnIndexOffset != nil || chunk.offsetIndexOffset != nil
            lines.append(
                "    page index: \(pageIndex ? "yes" : "no"), bloom filter: \(meta.bloomFilterOffset != nil ? "yes" : "no")"
            )
        }
        return lines
    }

    static func abbreviated(_ value: String) -> String {
        let flattened = value.replacingNewlines()
        guard flattened.count > abbreviationLength else { return flattened }
        return String(flattened.prefix(abbreviationLength)) + "… (\(value.utf8.count) bytes)"
    }
}

extension String {
    /// Two decimals, without Foundation; magnitudes too large for that are left to Swift.
    init(format2 value: Double) {
        guard value.magnitude < 1e15 else {
            self = "\(value)"
            return
        }
        let hundredths = (value * 100).rounded()
        let whole = Int(hundredths / 100)
        let fraction = Int(abs(hundredths).truncatingRemainder(dividingBy: 100))
        self = "\(whole)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
