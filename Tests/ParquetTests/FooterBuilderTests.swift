import ParquetFormat
import Testing

@testable import Parquet

/// The footer's column chunks are encoded by `ColumnChunk.encode` with their page index
/// locations set, so that fields after `meta_data` (id 3) keep their order and their
/// field-id deltas, whether the row groups stayed in memory or went to a temporary file.
@Suite struct FooterBuilderTests {
    static let schema = try! Schema([Column("id", .int64, .required), Column("name", .string)])

    /// A chunk that sets fields 8 and 9 (the encryption fields), which come after the page
    /// index fields 4 to 7 that the footer fills in.
    static func chunk(_ column: Int, rowGroup: Int) -> ColumnChunk {
        let metaData = ColumnMetaData(
            type: column == 0 ? .int64 : .byteArray, encodings: [.plain], pathInSchema: [column == 0 ? "id" : "name"],
            codec: .snappy, numValues: 10, totalUncompressedSize: 100, totalCompressedSize: 80,
            dataPageOffset: Int64(4 + 200 * rowGroup + 100 * column))
        return ColumnChunk(
            fileOffset: 0, metaData: metaData, cryptoMetadata: .encryptionWithFooterKey,
            encryptedColumnMetadata: [UInt8](repeating: UInt8(column + 1), count: 3 + rowGroup))
    }

    @Test(arguments: [1 << 20, 0])
    func fieldsAfterTheMetadataSurviveThePageIndexLocations(memoryLimit: Int) throws {
        var footer = FooterBuilder(schema: Self.schema, writesPageIndex: true, memoryLimit: memoryLimit)
        footer.setMetadata("key", "value")
        for rowGroup in 0..<3 {
            for column in 0..<2 {
                // The second column has no ColumnIndex, so its chunks have no fields 6 and 7.
                let columnIndex =
                    column == 0
                    ? ColumnIndex(nullPages: [false], minValues: [[1]], maxValues: [[9]], boundaryOrder: .ascending)
                    : nil
                let offsetIndex = OffsetIndex(pageLocations: [
                    PageLocation(
                        offset: Int64(4 + 200 * rowGroup + 100 * column), compressedPageSize: 80, firstRowIndex: 0)
                ])
                try footer.appendPageIndex(columnIndex: columnIndex, offsetIndex: offsetIndex)
            }
            try footer.appendRowGroup(
                columns: [Self.chunk(0, rowGroup: rowGroup), Self.chunk(1, rowGroup: rowGroup)], numRows: 10,
                fileOffset: Int64(4 + 200 * rowGroup))
        }
        var bytes: [UInt8] = []
        let returned = try footer.writeFooter(numRows: 30, pageIndexOffset: 1000, keepingRowGroups: true) {
            bytes.append(contentsOf: $0)
        }

        let decoded = try FileMetaData.decode(bytes)
        #expect(decoded == returned)
        #expect(returned.encoded() == bytes)
        #expect(decoded.numRows == 30 && decoded.rowGroups.count == 3)
        #expect(decoded.keyValueMetadata == [KeyValue(key: "key", value: "value")])
        let columnIndexLength = try #require(decoded.rowGroups.first?.columns.first?.columnIndexLength)
        // Every ColumnIndex, then every OffsetIndex, from offset 1000 on.
        var columnIndexOffset: Int64 = 1000
        var offsetIndexOffset = 1000 + 3 * Int64(columnIndexLength)
        for (rowGroup, group) in decoded.rowGroups.enumerated() {
            #expect(group.ordinal == Int16(rowGroup))
            for (column, chunk) in group.columns.enumerated() {
                var expected = Self.chunk(column, rowGroup: rowGroup)
                let offsetIndexLength = try #require(chunk.offsetIndexLength)
                expected.offsetIndexOffset = offsetIndexOffset
                expected.offsetIndexLength = offsetIndexLength
                offsetIndexOffset += Int64(offsetIndexLength)
                if column == 0 {
                    expected.columnIndexOffset = columnIndexOffset
                    expected.columnIndexLength = columnIndexLength
                    columnIndexOffset += Int64(columnIndexLength)
                }
                #expect(chunk == expected, "row group \(rowGroup), column \(column)")
            }
        }
    }

    /// Without keeping them, the footer comes back without row groups and writes the same bytes.
    @Test func finishingWithoutRowGroupsWritesTheSameBytes() throws {
        func write(keepingRowGroups: Bool) throws -> (bytes: [UInt8], footer: FileMetaData) {
            var footer = FooterBuilder(schema: Self.schema, writesPageIndex: false, memoryLimit: 0)
            try footer.appendRowGroup(
                columns: [Self.chunk(0, rowGroup: 0), Self.chunk(1, rowGroup: 0)], numRows: 10, fileOffset: 4)
            var bytes: [UInt8] = []
            let returned = try footer.writeFooter(numRows: 10, pageIndexOffset: 0, keepingRowGroups: keepingRowGroups) {
                bytes.append(contentsOf: $0)
            }
            return (bytes, returned)
        }
        let kept = try write(keepingRowGroups: true)
        let dropped = try write(keepingRowGroups: false)
        #expect(kept.bytes == dropped.bytes)
        #expect(kept.footer.rowGroups.count == 1 && dropped.footer.rowGroups.isEmpty)
        #expect(try FileMetaData.decode(kept.bytes) == kept.footer)
        #expect(kept.footer.rowGroups[0].columns[1].offsetIndexOffset == nil)
    }
}
