import Foundation
import InteropSupport
import Parquet
import ParquetFormat
import Testing

/// A chunk whose first page shows the dictionary would not pay, once the dictionary
/// is past its trial size, is written PLAIN with no dictionary page; columns with
/// repeats keep their dictionary, and every row group decides afresh.
@Suite struct IneffectiveDictionaryTests {
    @Test func distinctValuesGoPlainRepeatsKeepTheDictionary() throws {
        var options = WriterOptions()
        options.dataPageRowLimit = 5_000
        // A dictionary is on trial up to 16 KiB: the distinct columns pass that within the first page.
        options.dictionaryPageSizeLimit = 16 << 10
        options.maxRowGroupRows = 10_000
        let columns = [
            Column("distinct", .double), Column("repeats", .double),
            Column("names", .string), Column("codes", .string), Column("switches", .int64),
        ]
        let rows = 20_000
        func values(_ row: Int) -> (Double, Double, String, String, Int64) {
            // `switches` is distinct in the first row group and repeats in the second.
            (
                Double(row) * 1.000_01, Double(row % 10), "name-\(row)", ["A", "B", "C"][row % 3],
                row < 10_000 ? Int64(row) * 7_919 : Int64(row % 4)
            )
        }
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: try Schema(columns), sink: sink, options: options)
        var expected = [[ExpectedValue]](repeating: [], count: columns.count)
        for row in 0..<rows {
            let (distinct, repeats, name, code, switching) = values(row)
            try writer.append(distinct)
            try writer.append(repeats)
            try writer.append(name)
            try writer.append(code)
            try writer.append(switching)
            try writer.endRow()
            expected[0].append(.real(distinct))
            expected[1].append(.real(repeats))
            expected[2].append(.text(name))
            expected[3].append(.text(code))
            expected[4].append(.integer(Int128(switching)))
        }
        let metadata = try writer.close()
        try InteropOutput.save(
            "dictionary_ineffective", bytes: sink.bytes,
            expected: ExpectedFile(columns: zip(columns, expected).map { ($0, $1) }, rowGroups: 2))

        func usesDictionary(_ rowGroup: Int, _ column: Int) -> Bool {
            let chunk = metadata.rowGroups[rowGroup].columns[column].metaData!
            #expect((chunk.dictionaryPageOffset != nil) == chunk.encodings.contains(.rleDictionary))
            return chunk.dictionaryPageOffset != nil
        }
        #expect((0..<5).map { usesDictionary(0, $0) } == [false, true, false, true, false])
        #expect((0..<5).map { usesDictionary(1, $0) } == [false, true, false, true, true])
    }

    /// With few columns the trial size is the dictionary page limit, so distinct
    /// values keep their dictionary until that limit, as pyarrow does.
    @Test func fewColumnsKeepTheDictionaryUpToItsLimit() throws {
        let chunk = try writeDistinctDoubles(rows: 20_000, options: WriterOptions())
        #expect(chunk.dictionaryPageOffset != nil)
        #expect(chunk.encodingStats!.filter { $0.pageType == .dataPage }.map(\.encoding) == [.rleDictionary])
    }

    @Test func theOptionKeepsEveryDictionary() throws {
        var options = WriterOptions()
        options.dictionaryPageSizeLimit = 16 << 10
        options.dropsIneffectiveDictionaries = false
        options.dataPageRowLimit = 1_000
        let chunk = try writeDistinctDoubles(rows: 5_000, options: options)
        // The dictionary serves the first pages, then passes its limit and falls back.
        let pages = chunk.encodingStats!.filter { $0.pageType == .dataPage }.map(\.encoding)
        #expect(pages.first == .rleDictionary && pages.last == .plain)
    }

    private func writeDistinctDoubles(rows: Int, options: WriterOptions) throws -> ColumnMetaData {
        let writer = try ParquetWriter(
            schema: try Schema([Column("distinct", .double)]), sink: MemorySink(), options: options)
        for row in 0..<rows {
            try writer.append(Double(row) * 1.5)
            try writer.endRow()
        }
        return try writer.close().rowGroups[0].columns[0].metaData!
    }
}
