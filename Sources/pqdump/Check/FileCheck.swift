import ParquetFormat
import ParquetReader

/// Checks of the footer as a whole: row counts, totals, column paths and orders, and
/// that column chunks neither leave the data area nor overlap.
struct FileCheck {
    let context: DumpContext

    func run(into report: inout CheckReport) {
        let reader = context.reader
        let metadata = reader.metadata
        let schema = context.schema
        let rowSum = FooterSum.of(metadata.rowGroups.lazy.map(\.numRows))
        if rowSum != metadata.numRows {
            report.problem("footer", "num_rows \(metadata.numRows) but the row groups hold \(FooterSum.text(rowSum))")
        }
        if let orders = metadata.columnOrders, orders.count != schema.leaves.count {
            report.problem("footer", "\(orders.count) column_orders for \(schema.leaves.count) columns")
        }
        var ranges: [(range: Range<Int>, name: String)] = []
        for (rowGroupIndex, rowGroup) in metadata.rowGroups.enumerated() {
            let place = "row group \(rowGroupIndex)"
            let chunks = rowGroup.columns.compactMap(\.metaData)
            let compressed = FooterSum.of(chunks.lazy.map(\.totalCompressedSize))
            if let declared = rowGroup.totalCompressedSize, declared != compressed {
                report.problem(
                    place,
                    "total_compressed_size \(declared) but its column chunks add up to \(FooterSum.text(compressed))")
            }
            let uncompressed = FooterSum.of(chunks.lazy.map(\.totalUncompressedSize))
            if uncompressed == nil {
                report.problem(
                    place, "the column chunks' total_uncompressed_size add up to \(FooterSum.text(uncompressed))")
            } else if rowGroup.totalByteSize != uncompressed {
                report.note(
                    place,
                    "total_byte_size \(rowGroup.totalByteSize); the chunks' total_uncompressed_size add up to \(FooterSum.text(uncompressed))"
                )
            }
            for (leaf, chunk) in rowGroup.columns.enumerated() {
                let column = schema.leaves[leaf]
                let chunkPlace = "\(place), column \(column.dottedPath)"
                let meta = chunk.metaData!
                if meta.pathInSchema != column.path {
                    report.problem(
                        chunkPlace, "path_in_schema \(meta.pathInSchema.joined(separator: ".")) differs from the schema"
                    )
                }
                guard meta.numValues > 0 else { continue }
                do {
                    let range = try reader.columnChunkRange(rowGroup: rowGroupIndex, column: leaf)
                    if leaf == 0, let fileOffset = rowGroup.fileOffset, fileOffset != Int64(range.lowerBound) {
                        report.problem(
                            place, "file_offset \(fileOffset) but its first column chunk starts at \(range.lowerBound)")
                    }
                    ranges.append((range, chunkPlace))
                } catch {
                    report.problem(chunkPlace, error.message)
                }
            }
        }
        ranges.sort { $0.range.lowerBound < $1.range.lowerBound }
        for (first, second) in zip(ranges, ranges.dropFirst()) where first.range.upperBound > second.range.lowerBound {
            report.problem(second.name, "its bytes overlap those of \(first.name)")
        }
    }
}
