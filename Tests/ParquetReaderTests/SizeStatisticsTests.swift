import Foundation
import Parquet
import ParquetFormat
import ParquetReader
import Testing

/// SizeStatistics in ColumnMetaData, level histograms and NaN counts in the
/// ColumnIndex and unencoded byte-array sizes in the OffsetIndex, read back through
/// ParquetFileReader and checked against the values written.
@Suite struct SizeStatisticsTests {
    @Test func sizesAndHistogramsMatchTheData() throws {
        var options = WriterOptions()
        options.dataPageRowLimit = 5
        let schema = try Schema([
            Column("name", .string),
            Column("words", .list(element: .string)),
            Column("x", .double),
        ])
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
        var nameBytes: Int64 = 0
        var wordBytes: Int64 = 0
        // Definition levels of `words`: 0 null list, 1 empty list, 2 null element, 3 value.
        var definition = [Int64](repeating: 0, count: 4)
        var repetition = [Int64](repeating: 0, count: 2)
        var nanCount: Int64 = 0
        for row in 0..<12 {
            if row % 4 == 0 {
                try writer.appendNull()
            } else {
                let name = "name-\(row)-é"
                try writer.append(name)
                nameBytes += Int64(name.utf8.count)
            }
            switch row % 3 {
            case 0:
                try writer.appendNull()
                definition[0] += 1
                repetition[0] += 1
            case 1:
                try writer.beginList()
                try writer.endList()
                definition[1] += 1
                repetition[0] += 1
            default:
                try writer.beginList()
                for index in 0..<3 {
                    if index == 1 {
                        try writer.appendNull()
                        definition[2] += 1
                    } else {
                        let word = String(repeating: "w", count: row + index)
                        try writer.append(word)
                        wordBytes += Int64(word.utf8.count)
                        definition[3] += 1
                    }
                    repetition[index == 0 ? 0 : 1] += 1
                }
                try writer.endList()
            }
            if row % 5 == 2 {
                try writer.append(Double.nan)
                nanCount += 1
            } else {
                try writer.append(Double(row))
            }
            try writer.endRow()
        }
        try writer.close()
        let reader = try ParquetFileReader(bytes: sink.bytes)
        let chunks = try #require(reader.metadata.rowGroups.first).columns.map { $0.metaData! }

        #expect(chunks[0].sizeStatistics == SizeStatistics(unencodedByteArrayDataBytes: nameBytes))
        #expect(
            chunks[1].sizeStatistics
                == SizeStatistics(
                    unencodedByteArrayDataBytes: wordBytes, repetitionLevelHistogram: repetition,
                    definitionLevelHistogram: definition))
        // A flat double column has no byte arrays, no repetition, and a definition level of at most 1.
        #expect(chunks[2].sizeStatistics == nil)

        let wordsIndex = try #require(try reader.columnIndex(rowGroup: 0, column: 1))
        let pages = wordsIndex.nullPages.count
        #expect(pages > 1)
        #expect(Self.summed(try #require(wordsIndex.repetitionLevelHistograms), buckets: 2) == repetition)
        #expect(Self.summed(try #require(wordsIndex.definitionLevelHistograms), buckets: 4) == definition)
        let xIndex = try #require(try reader.columnIndex(rowGroup: 0, column: 2))
        #expect(xIndex.nanCounts?.reduce(0, +) == nanCount)
        #expect(xIndex.nanCounts?.count == xIndex.nullPages.count)
        let nameOffsets = try #require(try reader.offsetIndex(rowGroup: 0, column: 0))
        #expect(nameOffsets.unencodedByteArrayDataBytes?.reduce(0, +) == nameBytes)
        #expect(nameOffsets.unencodedByteArrayDataBytes?.count == nameOffsets.pageLocations.count)
        #expect(try reader.offsetIndex(rowGroup: 0, column: 2)?.unencodedByteArrayDataBytes == nil)
    }

    /// Per-page histograms laid end to end, added bucket by bucket.
    static func summed(_ histograms: [Int64], buckets: Int) -> [Int64] {
        var total = [Int64](repeating: 0, count: buckets)
        for (position, count) in histograms.enumerated() { total[position % buckets] += count }
        return total
    }
}
