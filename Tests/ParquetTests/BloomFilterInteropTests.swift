import Foundation
import InteropSupport
import Parquet
import ParquetFormat
import Testing

/// Bloom filters on int64, double, string and fixed-length binary columns, over
/// several row groups, for DuckDB's parquet_bloom_probe to check (reader_duckdb.py):
/// every written value probes present in its row group, and values never written
/// probe present no more often than the configured false-positive probability allows.
@Suite struct BloomFilterInteropTests {
    static let rows = 3_000
    static let rowGroupRows = 1_000
    static let probability = 0.01

    static func int64(_ row: Int) -> Int64 { Int64(row) * 1_000_003 - 7 }
    static func double(_ row: Int) -> Double { Double(row) * 0.5 - 100.25 }
    static func string(_ row: Int) -> String { "value-\(row * 37)" }
    static func fixed(_ row: Int) -> [UInt8] {
        withUnsafeBytes(of: UInt32(row * 2_654_435_761 & 0xFFFF_FFFF).bigEndian, Array.init)
    }

    @Test func bloomFiltersProbe() throws {
        let columns = [
            Column("i64", .int64, .required), Column("d", .double, .optional), Column("s", .string, .optional),
            Column("f", .fixedBinary(length: 4), .required), Column("plain", .int32, .required),
        ]
        var options = WriterOptions()
        options.maxRowGroupRows = Self.rowGroupRows
        options.dataPageRowLimit = 300
        let bloom = BloomFilterOptions(
            expectedDistinctCount: Self.rowGroupRows, falsePositiveProbability: Self.probability)
        for name in ["i64", "d", "s", "f"] { options.columnOptions[name] = ColumnOptions(bloomFilter: bloom) }
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: try Schema(columns), sink: sink, options: options)
        var expected = columns.map { _ in [ExpectedValue]() }
        for row in 0..<Self.rows {
            let isNull = row % 10 == 3
            try writer.append(Self.int64(row))
            expected[0].append(.integer(Int128(Self.int64(row))))
            if isNull { try writer.appendNull() } else { try writer.append(Self.double(row)) }
            expected[1].append(isNull ? .null : .real(Self.double(row)))
            if isNull { try writer.appendNull() } else { try writer.append(Self.string(row)) }
            expected[2].append(isNull ? .null : .text(Self.string(row)))
            try writer.append(bytes: Self.fixed(row))
            expected[3].append(.binary(Self.fixed(row)))
            try writer.append(Int32(row))
            expected[4].append(.integer(Int128(row)))
            try writer.endRow()
        }
        let metadata = try writer.close()
        #expect(metadata.rowGroups.count == Self.rows / Self.rowGroupRows)
        let filterBytes = 2_048  // 1000 values at 1%: ~1210 bytes, rounded up to a power of two
        for rowGroup in metadata.rowGroups {
            for chunk in rowGroup.columns {
                let meta = try #require(chunk.metaData)
                if meta.pathInSchema == ["plain"] {
                    #expect(meta.bloomFilterOffset == nil && meta.bloomFilterLength == nil)
                    continue
                }
                let offset = Int(try #require(meta.bloomFilterOffset))
                let length = Int(try #require(meta.bloomFilterLength))
                let (header, headerSize) = try BloomFilterHeader.decode(
                    Array(sink.bytes[offset..<(offset + length)]), at: 0)
                #expect(header.numBytes == Int32(filterBytes))
                #expect(headerSize + filterBytes == length)
            }
        }
        // Values none of the columns hold, in each column's own type.
        let absentCount = 4_000
        let absent: [String: [ExpectedValue]] = [
            "i64": (0..<absentCount).map { .integer(Int128(Self.int64($0) + 1)) },
            "d": (0..<absentCount).map { .real(Self.double($0) + 0.125) },
            "s": (0..<absentCount).map { .text("absent-\($0)") },
            "f": (0..<absentCount).map { withUnsafeBytes(of: UInt32($0 * 2 + 1).bigEndian) { .binary(Array($0)) } },
        ]
        var file = ExpectedFile(columns: zip(columns, expected).map { ($0, $1) }, rowGroups: metadata.rowGroups.count)
        file.bloomFilters = ExpectedFile.BloomFilters(
            rowGroupRows: Self.rowGroupRows, falsePositiveProbability: Self.probability, absent: absent)
        try InteropOutput.save("bloom_filters", bytes: sink.bytes, expected: file)
    }
}
