import ParquetCompression
import ParquetFormat
import ParquetReader

/// `pqdump pages`: every page header of every column chunk (or of one column), with the
/// counts found by decoding the page and its CRC status.
enum PagesCommand {
    static func run(_ context: DumpContext) throws(CommandFailure) {
        let schema = context.schema
        var leaves = Array(schema.leaves.indices)
        if let path = context.invocation.column {
            guard let leaf = schema.leaves.first(where: { $0.dottedPath == path }) else {
                throw CommandFailure("no column with path '\(path)'")
            }
            leaves = [leaf.index]
        }
        var chunks: [JSON] = []
        let decompressor = PageDecompressor()
        for rowGroup in context.reader.metadata.rowGroups.indices {
            for leaf in leaves {
                var pages: [PageInfo] = []
                var failure: ParquetReaderError?
                do {
                    let chunkReader = try context.reader.columnChunkReader(
                        rowGroup: rowGroup, column: leaf, decompressor: decompressor)
                    chunkReader.verifiesChecksums = false
                    while let page = try chunkReader.nextPage() {
                        pages.append(page)
                    }
                } catch {
                    failure = error
                }
                let path = schema.leaves[leaf].dottedPath
                if context.invocation.json {
                    chunks.append(
                        .object([
                            ("row_group", .integer(rowGroup)), ("path", .string(path)),
                            ("pages", .array(pages.map { pageJSON($0, leaf: leaf, context) })),
                        ]))
                } else {
                    context.output.line("row group \(rowGroup), column \(path): \(pages.count) pages")
                    for page in pages {
                        context.output.line("  " + pageText(page, leaf: leaf, context))
                    }
                }
                if let failure {
                    if context.invocation.json {
                        context.output.line(JSON.object([("columns", .array(chunks))]).text)
                    }
                    throw CommandFailure(failure)
                }
            }
        }
        if context.invocation.json {
            context.output.line(JSON.object([("columns", .array(chunks))]).text)
        }
    }

    static func checksumText(_ checksum: PageChecksum) -> String {
        switch checksum {
        case .absent: "absent"
        case .valid: "ok"
        case .invalid: "bad"
        }
    }

    private static func pageJSON(_ page: PageInfo, leaf: Int, _ context: DumpContext) -> JSON {
        let header = page.header
        var members: [(String, JSON)] = [
            ("index", .integer(page.index)),
            ("offset", .integer(page.offset)),
            ("type", .string(header.type.description)),
            ("header_size", .integer(page.headerSize)),
            ("compressed_size", .integer(header.compressedPageSize)),
            ("uncompressed_size", .integer(header.uncompressedPageSize)),
            ("encoding", .optional(page.valueEncoding) { .string($0.description) }),
        ]
        if let data = header.dataPageHeader {
            members += [
                ("num_values", .integer(data.numValues)),
                ("definition_level_encoding", .string(data.definitionLevelEncoding.description)),
                ("repetition_level_encoding", .string(data.repetitionLevelEncoding.description)),
            ]
        }
        if let data = header.dataPageHeaderV2 {
            members += [
                ("num_values", .integer(data.numValues)),
                ("num_nulls", .integer(data.numNulls)),
                ("num_rows", .integer(data.numRows)),
                ("definition_levels_byte_length", .integer(data.definitionLevelsByteLength)),
                ("repetition_levels_byte_length", .integer(data.repetitionLevelsByteLength)),
                ("is_compressed", .bool(data.isCompressed ?? true)),
            ]
        }
        if let dictionary = page.dictionarySize {
            members.append(("dictionary_entries", .integer(dictionary)))
        } else if header.type == .dataPage || header.type == .dataPageV2 {
            members += [
                ("values", .integer(page.values.count)),
                ("nulls", .integer(page.nullCount)),
                ("rows", .integer(page.rowCount)),
                ("statistics", context.statisticsJSON(page.statistics, leaf: leaf)),
            ]
        }
        members.append(("crc", .string(checksumText(page.checksum))))
        return .object(members)
    }

    private static func pageText(_ page: PageInfo, leaf: Int, _ context: DumpContext) -> String {
        let header = page.header
        var parts = [
            "page \(page.index) at \(page.offset): \(header.type)",
            page.valueEncoding.map { "\($0)" } ?? "",
            "header \(page.headerSize) B, compressed \(header.compressedPageSize) B, uncompressed \(header.uncompressedPageSize) B",
        ]
        if let dictionary = page.dictionarySize {
            parts.append("\(dictionary) entries")
        } else if header.type == .dataPage || header.type == .dataPageV2 {
            parts.append(
                "\(page.levels.count) slots: \(page.values.count) values, \(page.nullCount) nulls, \(page.rowCount) rows"
            )
            if case .object(let members) = context.statisticsJSON(page.statistics, leaf: leaf) {
                parts.append("statistics " + members.map { "\($0.0)=\($0.1.plainText)" }.joined(separator: " "))
            }
        }
        parts.append("crc \(checksumText(page.checksum))")
        return parts.filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
