import Foundation
import Parquet
import ParquetFormat
import ParquetReader
import Testing

/// The ColumnIndex and OffsetIndex the writer puts after the last row group, read back
/// through ParquetFileReader and checked against the pages by `pqdump check`.
@Suite struct PageIndexTests {
    static let longPrefix = String(repeating: "a", count: 100)

    /// 24 rows in row groups of 10, pages of 4 rows: pages start at rows 0, 4 and 8 of each row group.
    static func writeFile(options: WriterOptions = pagedOptions()) throws -> [UInt8] {
        let schema = try Schema([
            Column("id", .int64, .required),
            Column("down", .int32, .required),
            Column("x", .double),
            Column("name", .string),
            Column("tags", .list(element: .int32)),
        ])
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
        for row in 0..<24 {
            try writer.append(Int64(row))
            try writer.append(Int32(100 - row))
            switch row % 10 {
            case 0..<4: try writer.appendNull()
            case 4: try writer.append(-0.0)
            case 5: try writer.append(0.0)
            case 6: try writer.append(Double.nan)
            case 7: try writer.append(1.5)
            default: try writer.append(Double(100 - row))
            }
            try writer.append(Self.longPrefix + String(row))
            try writer.appendList(Array(repeating: Int32(row), count: row % 3))
            try writer.endRow()
        }
        try writer.close()
        return sink.bytes
    }

    static func pagedOptions() -> WriterOptions {
        var options = WriterOptions()
        options.dataPageRowLimit = 4
        options.maxRowGroupRows = 10
        return options
    }

    static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    @Test func offsetIndexLocatesEveryPageWithItsFirstRow() throws {
        let reader = try ParquetFileReader(bytes: try Self.writeFile())
        #expect(reader.metadata.rowGroups.map(\.numRows) == [10, 10, 4])
        for (rowGroup, group) in reader.metadata.rowGroups.enumerated() {
            for column in group.columns.indices {
                let meta = try #require(group.columns[column].metaData)
                let index = try #require(try reader.offsetIndex(rowGroup: rowGroup, column: column))
                let locations = index.pageLocations
                // Rows, not values: the LIST column's pages start at the same rows as the others.
                #expect(locations.map(\.firstRowIndex) == (rowGroup == 2 ? [0] : [0, 4, 8]))
                #expect(locations.first?.offset == meta.dataPageOffset)
                for (page, next) in zip(locations, locations.dropFirst()) {
                    #expect(page.offset + Int64(page.compressedPageSize) == next.offset)
                }
                // Sizes include the page headers: the last page ends where the chunk ends.
                let chunkStart = meta.dictionaryPageOffset ?? meta.dataPageOffset
                let last = try #require(locations.last)
                #expect(last.offset + Int64(last.compressedPageSize) == chunkStart + meta.totalCompressedSize)
            }
        }
    }

    @Test func columnIndexHasBoundsNullsAndOrder() throws {
        let reader = try ParquetFileReader(bytes: try Self.writeFile())
        let id = try #require(try reader.columnIndex(rowGroup: 1, column: 0))
        #expect(id.boundaryOrder == .ascending)
        #expect(id.minValues == [10, 14, 18].map { Self.littleEndian(Int64($0)) })
        #expect(id.maxValues == [13, 17, 19].map { Self.littleEndian(Int64($0)) })
        #expect(id.nullPages == [false, false, false])
        #expect(id.nullCounts == [0, 0, 0])

        let down = try #require(try reader.columnIndex(rowGroup: 0, column: 1))
        #expect(down.boundaryOrder == .descending)

        let x = try #require(try reader.columnIndex(rowGroup: 0, column: 2))
        #expect(x.nullPages == [true, false, false])
        #expect(x.nullCounts == [4, 0, 0])
        #expect(x.minValues[0].isEmpty && x.maxValues[0].isEmpty)
        // NaN is left out of the bounds; a zero minimum is -0.0, a zero maximum +0.0.
        #expect(x.minValues[1] == Self.littleEndian((-0.0).bitPattern))
        #expect(x.maxValues[1] == Self.littleEndian((1.5).bitPattern))
        #expect(x.minValues[2] == Self.littleEndian((91.0).bitPattern))

        let name = try #require(try reader.columnIndex(rowGroup: 0, column: 3))
        #expect(name.minValues[0] == Array(String(repeating: "a", count: 64).utf8))
        #expect(name.maxValues[0] == Array((String(repeating: "a", count: 63) + "b").utf8))
        // Truncated bounds: equal from page to page, so ascending as well.
        #expect(name.boundaryOrder == .ascending)

        let tags = try #require(try reader.columnIndex(rowGroup: 0, column: 4))
        // Rows 0..3 hold [], [1], [2, 2], []: empty lists count as nulls.
        #expect(tags.nullCounts == [2, 1, 1])
        #expect(tags.minValues[0] == Self.littleEndian(Int32(1)))
        #expect(tags.maxValues[0] == Self.littleEndian(Int32(2)))
    }

    @Test func aChunkWithAPageOfOnlyNaNHasNoColumnIndex() throws {
        let schema = try Schema([Column("x", .double, .required)])
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink, options: Self.pagedOptions())
        for row in 0..<8 {
            try writer.append(row < 4 ? Double.nan : Double(row))
            try writer.endRow()
        }
        try writer.close()
        let reader = try ParquetFileReader(bytes: sink.bytes)
        #expect(try reader.columnIndex(rowGroup: 0, column: 0) == nil)
        #expect(try reader.offsetIndex(rowGroup: 0, column: 0)?.pageLocations.count == 2)
    }

    @Test func pqdumpCheckAcceptsTheWrittenIndexes() throws {
        for version in [DataPageVersion.v1, .v2] {
            var options = Self.pagedOptions()
            options.dataPageVersion = version
            let path = try PQDumpCommandTests.temporaryFile(try Self.writeFile(options: options))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let run = DumpRun(["check", path])
            #expect(run.status == 0, "\(run.output)\(run.errors)")
        }
    }

    @Test func statisticsOffMeansOffsetIndexOnly() throws {
        var options = Self.pagedOptions()
        options.statisticsEnabled = false
        let reader = try ParquetFileReader(bytes: try Self.writeFile(options: options))
        #expect(try reader.columnIndex(rowGroup: 0, column: 0) == nil)
        #expect(try reader.offsetIndex(rowGroup: 0, column: 0) != nil)
    }

    @Test func pageIndexOffWritesNone() throws {
        var options = Self.pagedOptions()
        options.writesPageIndex = false
        let reader = try ParquetFileReader(bytes: try Self.writeFile(options: options))
        for group in reader.metadata.rowGroups {
            for chunk in group.columns {
                #expect(chunk.columnIndexOffset == nil && chunk.offsetIndexOffset == nil)
                #expect(chunk.columnIndexLength == nil && chunk.offsetIndexLength == nil)
            }
        }
    }
}
