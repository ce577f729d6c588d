import Parquet
import ParquetReader
import Testing

/// `ParquetFileReader.bloomFilter` probes the filters our writer wrote, and
/// `ParquetFileReader.dictionary` returns dictionary pages.
@Suite struct BloomFilterProbeTests {
    @Test func everyWrittenValueIsMaybeAndFewOthersAre() throws {
        let reader = try ParquetFileReader(bytes: try BloomFilterReadBackTests.writeFile())
        var falsePositives = 0
        for rowGroup in 0..<3 {
            let filter = try #require(try reader.bloomFilter(rowGroup: rowGroup, column: 0))
            #expect(filter.byteCount == 256)
            let rows = (rowGroup * 10)..<min(rowGroup * 10 + 10, 25)
            for row in rows {
                #expect(filter.mightContain(Int64(row)), "row group \(rowGroup), id \(row)")
                #expect(filter.mightContain(plainEncoded: withUnsafeBytes(of: Int64(row).littleEndian) { Array($0) }))
            }
            for other in 1_000..<2_000 where filter.mightContain(Int64(other)) {
                falsePositives += 1
            }
            // The tags column's elements: row r holds r, r % 3 times.
            let tags = try #require(try reader.bloomFilter(rowGroup: rowGroup, column: 2))
            for row in rows where row % 3 != 0 {
                #expect(tags.mightContain(Int32(row)))
            }
        }
        // 10 values in 2048 bits at 0.1% design: a handful at most of 3000 probes.
        #expect(falsePositives < 30, "\(falsePositives) false positives")
        #expect(try reader.bloomFilter(rowGroup: 0, column: 1) == nil)
    }

    @Test func typedProbesHashThePlainEncoding() throws {
        let schema = try Schema([
            Column("f", .float, .required), Column("d", .double, .required), Column("s", .string, .required),
        ])
        var options = WriterOptions()
        for name in ["f", "d", "s"] {
            options.columnOptions[name] = ColumnOptions(bloomFilter: BloomFilterOptions(expectedDistinctCount: 50))
        }
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
        for row in 0..<50 {
            try writer.append(Float(row) / 4)
            try writer.append(Double(row) * 1.5)
            try writer.append("name \(row)")
            try writer.endRow()
        }
        try writer.close()
        let reader = try ParquetFileReader(bytes: sink.bytes)
        let floats = try #require(try reader.bloomFilter(rowGroup: 0, column: 0))
        let doubles = try #require(try reader.bloomFilter(rowGroup: 0, column: 1))
        let strings = try #require(try reader.bloomFilter(rowGroup: 0, column: 2))
        for row in 0..<50 {
            #expect(floats.mightContain(Float(row) / 4) && doubles.mightContain(Double(row) * 1.5))
            #expect(strings.mightContain("name \(row)"))
        }
        #expect(
            !strings.mightContain("name 50") || !strings.mightContain("name 51") || !strings.mightContain("name 52"))
    }

    @Test func dictionaryPagesAreReturnedInOrder() throws {
        let schema = try Schema([Column("band", .string, .required), Column("n", .int64, .required)])
        var options = WriterOptions()
        options.columnOptions["n"] = ColumnOptions(encoding: .plain)
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
        for row in 0..<30 {
            try writer.append(["u", "g", "r"][row % 3])
            try writer.append(Int64(row))
            try writer.endRow()
        }
        try writer.close()
        let reader = try ParquetFileReader(bytes: sink.bytes)
        let dictionary = try #require(try reader.dictionary(rowGroup: 0, column: 0))
        #expect(
            (0..<dictionary.count).map { dictionary.recordValue(at: $0) }
                == ["u", "g", "r"].map { .bytes(Array($0.utf8)) })
        #expect(try reader.dictionary(rowGroup: 0, column: 1) == nil)
    }
}
