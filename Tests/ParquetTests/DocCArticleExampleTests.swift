import Foundation
import InteropSupport
import Parquet
import Testing

/// The code of the Parquet documentation articles (Sources/Parquet/Parquet.docc), run as
/// written there; the files go to the interop readers.
@Suite struct DocCArticleExampleTests {
    static let schemaColumns = [
        Column("objectId", .int64, .required), Column("ra", .double), Column("band", .string),
        Column("fluxes", .list(element: .float)),
    ]

    @Test func gettingStartedWritesTheFileItDescribes() throws {
        let path = NSTemporaryDirectory() + "docc-getting-started-\(ProcessInfo.processInfo.processIdentifier).parquet"
        defer { try? FileManager.default.removeItem(atPath: path) }
        // From GettingStarted.md:
        let schema = try Schema([
            Column("objectId", .int64, .required),
            Column("ra", .double),
            Column("band", .string),
            Column("fluxes", .list(element: .float)),
        ])
        let writer = try ParquetWriter(schema: schema, sink: try FileSink(path: path))
        let rows: [(Int64, Double?, String?)] = [(1, 53.1, "r"), (2, nil, "g"), (3, 53.3, nil)]
        for (id, ra, band) in rows {
            try writer.append(id)
            if let ra { try writer.append(ra) } else { try writer.appendNull() }
            if let band { try writer.append(band) } else { try writer.appendNull() }
            try writer.appendList([Float(1.5), 2.5])
            try writer.endRow()
        }
        var message = ""
        do {
            try writer.appendNull()  // objectId is required
        } catch {
            message = "\(error)"
        }
        try writer.setMetadata("origin", "example")
        try writer.close()
        // The comment in the article shows this message.
        #expect(message == "column 'objectId', row 3: null in a REQUIRED column")
        let fluxes = ExpectedValue.list([.real(1.5), .real(2.5)])
        let expected = ExpectedFile(columns: [
            (Self.schemaColumns[0], [.integer(1), .integer(2), .integer(3)]),
            (Self.schemaColumns[1], [.real(53.1), .null, .real(53.3)]),
            (Self.schemaColumns[2], [.text("r"), .text("g"), .null]),
            (Self.schemaColumns[3], [fluxes, fluxes, fluxes]),
        ])
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        try InteropOutput.save("docc_getting_started", bytes: bytes, expected: expected)
    }

    @Test func choosingOptionsExampleWritesItsOptions() throws {
        let schema = try Schema(Self.schemaColumns)
        let sink = MemorySink()
        // From ChoosingOptions.md, with a memory sink for the file:
        var options = WriterOptions()
        options.compression = .zstd(level: 3)
        options.maxRowGroupRows = 100_000
        options.columnOptions["objectId"] = ColumnOptions(
            encoding: .deltaBinaryPacked,
            bloomFilter: BloomFilterOptions(expectedDistinctCount: 100_000))
        let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
        try writer.appendRow([.int(7), .double(1), .string("i"), .list([.float(1)])])
        let metadata = try writer.close()
        let chunk = try #require(metadata.rowGroups.first?.columns.first?.metaData)
        #expect(chunk.codec == .zstd && chunk.encodings.contains(.deltaBinaryPacked) && chunk.bloomFilterOffset != nil)
    }

    @Test func streamingExampleDeliversTheWholeFile() async throws {
        let schema = try Schema([Column("x", .double, .required)])
        var received: [UInt8] = []
        func send(_ chunk: [UInt8]) async throws { received += chunk }
        // From StreamingAFileAsItIsWritten.md:
        let sink = AsyncChunkSink(chunkSize: 256 << 10, maxBufferedChunks: 4)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    let writer = try ParquetWriter(schema: schema, sink: sink)
                    for value in 0..<100_000 {
                        try writer.append(Double(value))
                        try await writer.endRowWaitingForDemand()
                    }
                    try writer.close()
                } catch {
                    sink.fail(error)  // the consumer's next chunk throws instead of ending early
                    throw error
                }
            }
            for try await chunk in sink.chunks {
                try await send(chunk)  // for example, write it to the response body
            }
            try await group.waitForAll()
        }
        let expected = ExpectedFile(columns: [(schema.columns[0], (0..<100_000).map { .real(Double($0)) })])
        try InteropOutput.save("docc_streaming", bytes: received, expected: expected)
        #expect(received.suffix(4) == Array("PAR1".utf8))
    }
}
