import Parquet
import ParquetFormat
import Testing

/// Chunk statistics rules, checked on the footer our writer produces.
@Suite struct StatisticsTests {
    private func chunkStatistics(
        _ columns: [Column], options: WriterOptions = WriterOptions(),
        rows: [[Cell]]
    ) throws -> [ParquetFormat.Statistics?] {
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: try Schema(columns), sink: sink, options: options)
        for row in rows { try writer.appendRow(row) }
        try writer.close()
        return try FooterReader.metadata(of: sink.bytes).rowGroups[0].columns.map { $0.metaData?.statistics }
    }

    @Test func longStringsAreTruncatedOnCharacterBoundariesAndMarkedInexact() throws {
        var options = WriterOptions()
        options.maxStatisticsSize = 5
        let stats = try chunkStatistics(
            [Column("s", .string)], options: options,
            rows: [[.string("abcdé-long")], [.string("zzzzzz")], [.string("b")]])
        let s = try #require(stats[0])
        // "abcdé" would cut é (2 bytes) at byte 5, so the minimum keeps "abcd".
        #expect(s.minValue == Array("abcd".utf8))
        #expect(s.isMinValueExact == false)
        // The maximum is rounded up: "zzzzz" + 1 in its last character.
        #expect(s.maxValue == Array("zzzz{".utf8))
        #expect(s.isMaxValueExact == false)
    }

    @Test func floatRulesAndUnsignedOrder() throws {
        let stats = try chunkStatistics(
            [Column("f", .double), Column("u", .uint32), Column("n", .float)],
            rows: [
                [.double(0.0), .uint(1), .float(.nan)], [.double(.nan), .uint(4_000_000_000), .float(.nan)],
                [.double(5), .uint(2), .null],
            ])
        let double = try #require(stats[0])
        #expect(double.minValue == withUnsafeBytes(of: (-0.0).bitPattern.littleEndian) { Array($0) })
        #expect(double.nanCount == 1)
        let unsigned = try #require(stats[1])
        #expect(unsigned.maxValue == withUnsafeBytes(of: UInt32(4_000_000_000).littleEndian) { Array($0) })
        let nans = try #require(stats[2])
        #expect(nans.minValue == nil && nans.maxValue == nil)
        #expect(nans.nanCount == 2 && nans.nullCount == 1)
    }

    @Test func statisticsCanBeTurnedOffPerColumn() throws {
        var options = WriterOptions()
        options.columnOptions["b"] = ColumnOptions(statisticsEnabled: false)
        let stats = try chunkStatistics(
            [Column("a", .int32), Column("b", .int32)], options: options,
            rows: [[.int(1), .int(2)]])
        #expect(stats[0]?.nullCount == 0)
        #expect(stats[1] == nil)
    }
}
