import Foundation
import Parquet
import ParquetFormat
import ParquetReader
import Testing

private let largeFileDirectory = ProcessInfo.processInfo.environment["PARQUET_LARGE_FILE_DIR"]

/// A file over 4 GiB, with a row group over 2 GiB, written as a sparse file: only the
/// leading magic and the bytes past 4 GiB are stored, the rest is a hole. The footer's
/// and the page index's offsets must chain without gap or overlap, and the last row
/// group, stored in full, must read back; every page header in the stored tail is
/// where the page index says. `make test-large` runs it (outside CI) and
/// then has pyarrow read the footer.
@Suite(.enabled(if: largeFileDirectory != nil, "set PARQUET_LARGE_FILE_DIR (make test-large)"))
struct LargeFileTests {
    static let directory = largeFileDirectory
    static let payloadLength = 4000
    static let keptFrom: Int64 = 1 << 32

    /// Writes through to a file only the leading magic and the bytes at or past `keptFrom`.
    final class SparseTailSink: ByteSink {
        let descriptor: Int32
        private(set) var size: Int64 = 0

        init(path: String) throws {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else { throw SinkError.closed }
        }

        func write(_ bytes: UnsafeRawBufferPointer) throws {
            let end = size + Int64(bytes.count)
            if size == 0 {
                // The leading magic, which readers check.
                guard pwrite(descriptor, bytes.baseAddress!, min(4, bytes.count), 0) == min(4, bytes.count) else {
                    throw SinkError.io(path: "large file", operation: "write", errno: errno, message: "short write")
                }
            }
            if end > LargeFileTests.keptFrom {
                let skip = Int(max(0, LargeFileTests.keptFrom - size))
                let kept = UnsafeRawBufferPointer(rebasing: bytes[skip...])
                guard pwrite(descriptor, kept.baseAddress!, kept.count, off_t(size) + off_t(skip)) == kept.count else {
                    throw SinkError.io(path: "large file", operation: "write", errno: errno, message: "short write")
                }
            }
            size = end
        }

        func close() throws {
            guard ftruncate(descriptor, off_t(size)) == 0, Foundation.close(descriptor) == 0 else {
                throw SinkError.closed
            }
        }
    }

    /// The page header stored at `offset` of the file at `path`.
    static func pageHeader(at offset: Int64, path: String) throws -> (value: PageHeader, byteCount: Int) {
        let handle = try #require(FileHandle(forReadingAtPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        let bytes = Array(try #require(try handle.read(upToCount: 256)))
        return try PageHeader.decode(bytes, at: 0)
    }

    @Test func fileOverFourGiBHasCorrectOffsetsAndPageIndex() throws {
        let path = Self.directory! + "/large.parquet"
        let sink = try SparseTailSink(path: path)
        var options = WriterOptions()
        options.compression = .uncompressed
        options.encoding = .plain
        options.rowGroupTargetBytes = (9 << 30) / 4  // 2.25 GiB: the first row group passes 2^31 bytes
        options.maxRowGroupRows = .max
        let schema = try Schema([
            Column("id", .int64, .required), Column("payload", .fixedBinary(length: Self.payloadLength), .required),
        ])
        let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
        let rows = Int((Int64(9) << 30) / 2 / Int64(Self.payloadLength + 8))  // about 4.5 GiB
        var payload = [UInt8](repeating: 0, count: Self.payloadLength)
        for row in 0..<rows {
            withUnsafeBytes(of: Int64(row).littleEndian) { payload.replaceSubrange(0..<8, with: $0) }
            try writer.append(Int64(row))
            try writer.append(bytes: payload)
            try writer.endRow()
        }
        try writer.finish()
        #expect(sink.size > 1 << 32)

        let reader = try ParquetFileReader(path: path)
        let metadata = reader.metadata
        #expect(metadata.numRows == Int64(rows))
        #expect(metadata.rowGroups.contains { $0.totalByteSize > Int64(Int32.max) }, "no row group passes 2^31 bytes")
        #expect(metadata.rowGroups.contains { ($0.fileOffset ?? 0) > 1 << 32 }, "no row group starts past 2^32")
        var firstRow: Int64 = 0
        var expectedStart: Int64 = 4
        var checkedPages = 0
        for (index, rowGroup) in metadata.rowGroups.enumerated() {
            #expect(rowGroup.fileOffset == expectedStart, "row group \(index) file_offset")
            var compressed: Int64 = 0
            for column in rowGroup.columns.indices {
                let chunk = reader.columnMetadata(rowGroup: index, column: column)
                let range = try reader.columnChunkRange(rowGroup: index, column: column)
                #expect(
                    Int64(range.lowerBound) == expectedStart,
                    "row group \(index) column \(column) starts where the last ended")
                let offsetIndex = try #require(try reader.offsetIndex(rowGroup: index, column: column))
                var pageStart = Int64(range.lowerBound)
                for (pageIndex, page) in offsetIndex.pageLocations.enumerated() {
                    #expect(
                        page.offset == pageStart,
                        "row group \(index) column \(column) page \(pageIndex) at \(page.offset)")
                    #expect(
                        pageIndex == 0
                            ? page.firstRowIndex == 0
                            : page.firstRowIndex > offsetIndex.pageLocations[pageIndex - 1].firstRowIndex)
                    #expect(page.firstRowIndex < rowGroup.numRows)
                    if page.offset >= Self.keptFrom {
                        // Stored: a page header really starts there and the page is as long as recorded.
                        let header = try Self.pageHeader(at: page.offset, path: path)
                        #expect(header.byteCount + Int(header.value.compressedPageSize) == Int(page.compressedPageSize))
                        checkedPages += 1
                    }
                    pageStart += Int64(page.compressedPageSize)
                }
                #expect(
                    pageStart == Int64(range.upperBound), "row group \(index) column \(column): pages fill the chunk")
                #expect(try reader.columnIndex(rowGroup: index, column: column) != nil)
                compressed += chunk.totalCompressedSize
                expectedStart = Int64(range.upperBound)
            }
            #expect(rowGroup.totalCompressedSize == compressed)
            if Int64(try reader.columnChunkRange(rowGroup: index, column: 0).lowerBound) >= Self.keptFrom {
                // Stored in full: the records come back.
                let records = try reader.readRecords(rowGroup: index)
                #expect(records.count == Int(rowGroup.numRows))
                #expect(
                    records.first?.first == .int64(firstRow)
                        && records.last?.first == .int64(firstRow + rowGroup.numRows - 1))
            }
            firstRow += rowGroup.numRows
        }
        #expect(
            metadata.rowGroups.contains { ($0.fileOffset ?? 0) >= Self.keptFrom },
            "no row group lies wholly in the stored tail")
        #expect(checkedPages > 100, "only \(checkedPages) page headers checked in the stored tail")
        // For pyarrow: what our reader found.
        let summary = metadata.rowGroups.map { rowGroup in
            "{\"num_rows\": \(rowGroup.numRows), \"total_byte_size\": \(rowGroup.totalByteSize), \"columns\": ["
                + rowGroup.columns.map {
                    "{\"data_page_offset\": \($0.metaData!.dataPageOffset), \"total_compressed_size\": \($0.metaData!.totalCompressedSize)}"
                }
                .joined(separator: ", ") + "]}"
        }
        try
            ("{\"num_rows\": \(metadata.numRows), \"size\": \(sink.size), \"row_groups\": ["
            + summary.joined(separator: ", ") + "]}")
            .write(toFile: Self.directory! + "/large.json", atomically: true, encoding: .utf8)
    }
}
