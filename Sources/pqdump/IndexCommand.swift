import ParquetFormat
import ParquetReader

/// `pqdump index`: the ColumnIndex and OffsetIndex of every column chunk.
enum IndexCommand {
    static func run(_ context: DumpContext) throws(CommandFailure) {
        var chunks: [JSON] = []
        for rowGroup in context.reader.metadata.rowGroups.indices {
            for leaf in context.schema.leaves.indices {
                let columnIndex: ColumnIndex?
                let offsetIndex: OffsetIndex?
                do {
                    columnIndex = try context.reader.columnIndex(rowGroup: rowGroup, column: leaf)
                    offsetIndex = try context.reader.offsetIndex(rowGroup: rowGroup, column: leaf)
                } catch {
                    throw CommandFailure(error)
                }
                let path = context.schema.leaves[leaf].dottedPath
                let columnJSON = JSON.optional(columnIndex) { json($0, leaf: leaf, context) }
                let offsetJSON = JSON.optional(offsetIndex) { json($0) }
                if context.invocation.json {
                    chunks.append(
                        .object([
                            ("row_group", .integer(rowGroup)), ("path", .string(path)),
                            ("column_index", columnJSON), ("offset_index", offsetJSON),
                        ]))
                } else {
                    context.output.line("row group \(rowGroup), column \(path):")
                    context.output.line("  column index: " + (columnIndex == nil ? "none" : columnJSON.text))
                    context.output.line("  offset index: " + (offsetIndex == nil ? "none" : offsetJSON.text))
                }
            }
        }
        if context.invocation.json {
            context.output.line(JSON.object([("columns", .array(chunks))]).text)
        }
    }

    private static func json(_ index: ColumnIndex, leaf: Int, _ context: DumpContext) -> JSON {
        var members: [(String, JSON)] = [
            ("boundary_order", .string(index.boundaryOrder.description)),
            ("null_pages", .array(index.nullPages.map(JSON.bool))),
            (
                "min_values",
                .array(zip(index.minValues, index.nullPages).map { $1 ? .null : context.boundJSON($0, leaf: leaf) })
            ),
            (
                "max_values",
                .array(zip(index.maxValues, index.nullPages).map { $1 ? .null : context.boundJSON($0, leaf: leaf) })
            ),
            ("null_counts", .optional(index.nullCounts) { .array($0.map { .integer($0) }) }),
        ]
        if let counts = index.nanCounts { members.append(("nan_counts", .array(counts.map { .integer($0) }))) }
        if let histogram = index.repetitionLevelHistograms {
            members.append(("repetition_level_histograms", .array(histogram.map { .integer($0) })))
        }
        if let histogram = index.definitionLevelHistograms {
            members.append(("definition_level_histograms", .array(histogram.map { .integer($0) })))
        }
        return .object(members)
    }

    private static func json(_ index: OffsetIndex) -> JSON {
        var members: [(String, JSON)] = [
            (
                "page_locations",
                .array(
                    index.pageLocations.map { location in
                        .object([
                            ("offset", .integer(location.offset)),
                            ("compressed_page_size", .integer(location.compressedPageSize)),
                            ("first_row_index", .integer(location.firstRowIndex)),
                        ])
                    })
            )
        ]
        if let sizes = index.unencodedByteArrayDataBytes {
            members.append(("unencoded_byte_array_data_bytes", .array(sizes.map { .integer($0) })))
        }
        return .object(members)
    }
}
