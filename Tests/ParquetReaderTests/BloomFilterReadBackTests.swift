import Foundation
import Parquet
import ParquetFormat
import ParquetReader
import Testing

/// Bloom filters read back through ParquetFileReader and checked by `pqdump check`.
@Suite struct BloomFilterReadBackTests {
    /// 25 rows in row groups of 10, a filter on `id` and on the list column's elements.
    static func writeFile() throws -> [UInt8] {
        let schema = try Schema([
            Column("id", .int64, .required), Column("name", .string), Column("tags", .list(element: .int32)),
        ])
        var options = WriterOptions()
        options.maxRowGroupRows = 10
        options.dataPageRowLimit = 4
        options.columnOptions["id"] = ColumnOptions(
            bloomFilter: BloomFilterOptions(expectedDistinctCount: 100, falsePositiveProbability: 0.001))
        options.columnOptions["tags"] = ColumnOptions(bloomFilter: BloomFilterOptions(expectedDistinctCount: 10))
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
        for row in 0..<25 {
            try writer.append(Int64(row))
            if row % 4 == 0 { try writer.appendNull() } else { try writer.append("n\(row)") }
            try writer.appendList(Array(repeating: Int32(row), count: row % 3))
            try writer.endRow()
        }
        try writer.close()
        return sink.bytes
    }

    @Test func everyChunkOfAFilteredColumnHasAHeaderAndBitset() throws {
        let bytes = try Self.writeFile()
        let reader = try ParquetFileReader(bytes: bytes)
        #expect(reader.metadata.rowGroups.count == 3)
        // 100 values at 0.1%: 14.4 bits each, 180 bytes, so 256; 10 at 1%: 13 bytes, so the 32-byte minimum.
        for (column, bitsetBytes) in [(0, 256), (2, 32)] {
            var previousEnd = 0
            for rowGroup in 0..<3 {
                let found = try #require(try reader.bloomFilterHeader(rowGroup: rowGroup, column: column))
                #expect(
                    found.header
                        == BloomFilterHeader(
                            numBytes: Int32(bitsetBytes), algorithm: .splitBlock, hash: .xxHash,
                            compression: .uncompressed))
                let length = try #require(
                    reader.metadata.rowGroups[rowGroup].columns[column].metaData?.bloomFilterLength)
                #expect(Int(length) == found.headerSize + bitsetBytes)
                // Each row group's filters follow its pages; the next row group's come later.
                #expect(found.offset > previousEnd)
                previousEnd = found.offset
                let bitset = bytes[(found.offset + found.headerSize)..<(found.offset + Int(length))]
                #expect(bitset.contains { $0 != 0 })
            }
        }
        #expect(try reader.bloomFilterHeader(rowGroup: 0, column: 1) == nil)
    }

    @Test func pqdumpCheckAcceptsTheFilters() throws {
        let path = try PQDumpCommandTests.temporaryFile(try Self.writeFile())
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = DumpRun(["check", path])
        #expect(run.status == 0, "\(run.output)\(run.errors)")
    }
}
