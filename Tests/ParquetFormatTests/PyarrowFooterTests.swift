import Foundation
import ParquetFormat
import Testing

/// Footers and page indexes written by pyarrow (Fixtures/pyarrow, made by
/// Fixtures/generate_fixtures.py) decode and re-encode to exactly the same bytes.
@Suite struct PyarrowFooterTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/pyarrow")

    static func file(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    /// The footer's Thrift bytes: before the 4-byte length and the closing magic.
    static func footerBytes(of file: [UInt8]) -> ArraySlice<UInt8> {
        let length = file[(file.count - 8)..<(file.count - 4)].reversed().reduce(0) { $0 << 8 | Int($1) }
        return file[(file.count - 8 - length)..<(file.count - 8)]
    }

    @Test(arguments: [
        "footer_roundtrip.parquet", "footer_roundtrip_pageindex.parquet",
        "schema_types.parquet", "schema_types_required.parquet",
    ])
    func footerReencodesByteForByte(name: String) throws {
        let footer = Array(Self.footerBytes(of: try Self.file(name)))
        let metadata = try FileMetaData.decode(footer)
        #expect(metadata.encoded() == footer)
        #expect(metadata.rowGroups.allSatisfy { $0.columns.allSatisfy { $0.metaData?.statistics != nil } })
    }

    @Test func pageIndexReencodesByteForByte() throws {
        let file = try Self.file("footer_roundtrip_pageindex.parquet")
        let metadata = try FileMetaData.decode(Array(Self.footerBytes(of: file)))
        var indexes = 0
        for chunk in metadata.rowGroups.flatMap(\.columns) {
            let columnStart = try #require(chunk.columnIndexOffset.map(Int.init))
            let columnBytes = Array(file[columnStart..<(columnStart + Int(try #require(chunk.columnIndexLength)))])
            let columnIndex = try ColumnIndex.decode(columnBytes)
            #expect(columnIndex.encoded() == columnBytes)
            #expect(columnIndex.nullPages.count == columnIndex.minValues.count)
            let offsetStart = try #require(chunk.offsetIndexOffset.map(Int.init))
            let offsetBytes = Array(file[offsetStart..<(offsetStart + Int(try #require(chunk.offsetIndexLength)))])
            let offsetIndex = try OffsetIndex.decode(offsetBytes)
            #expect(offsetIndex.encoded() == offsetBytes)
            #expect(offsetIndex.pageLocations.first?.firstRowIndex == 0)
            indexes += 1
        }
        #expect(indexes == 24)
    }
}
