import Foundation
import Parquet
import Testing
import VOParquet

/// The code of the VOParquet documentation articles (Sources/VOParquet/VOParquet.docc),
/// run as written there.
@Suite struct DocCArticleExampleTests {
    @Test func gettingStartedWritesThreeRows() throws {
        let path = NSTemporaryDirectory() + "docc-voparquet-\(ProcessInfo.processInfo.processIdentifier).parquet"
        defer { try? FileManager.default.removeItem(atPath: path) }
        // From GettingStarted.md:
        let envelope = try VOTableEnvelope(
            document: """
                <VOTABLE version="1.4"><RESOURCE type="results"><TABLE>
                <FIELD name="id" datatype="long"/>
                <FIELD name="flux" datatype="double" unit="nJy" ucd="phot.flux"/>
                <FIELD name="band" datatype="char" arraysize="*"/>
                <FIELD name="fluxes" datatype="float" arraysize="*"/>
                </TABLE></RESOURCE></VOTABLE>
                """)
        let writer = try VOParquetWriter(envelope: envelope, sink: try FileSink(path: path))
        for id in Int64(0)..<3 {
            try writer.append(id)
            if id == 1 { try writer.appendNull() } else { try writer.append(Double(id) * 1.5) }
            try writer.append("r")
            try writer.appendArray([Float(id), 1])
            try writer.endRow()
        }
        try writer.finish()
        let metadata = try FileFooter.metadata(of: try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(metadata.numRows == 3)
        #expect(FileFooter.keyValue("IVOA.VOTable-Parquet.version", in: metadata) == "1.0")
        #expect(
            FileFooter.keyValue("IVOA.VOTable-Parquet.content", in: metadata)?.contains("ucd=\"phot.flux\"") == true)
    }

    struct ObjectRow: Sendable {
        var id: Int64
        var flux: Double?
        var band: String
    }

    // From StreamingVOParquetFromATAPService.md:
    func respond(
        envelope: VOTableEnvelope, rows: some AsyncSequence<ObjectRow, any Error> & Sendable, maxrec: Int,
        send: ([UInt8]) async throws -> Void
    ) async throws {
        var options = VOParquetOptions()
        options.maxRows = maxrec
        let sink = AsyncChunkSink(chunkSize: 256 << 10, maxBufferedChunks: 4)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [options] in
                do {
                    let writer = try VOParquetWriter(envelope: envelope, sink: sink, options: options)
                    var overflow = false
                    do {
                        for try await row in rows {
                            try writer.append(row.id)
                            if let flux = row.flux { try writer.append(flux) } else { try writer.appendNull() }
                            try writer.append(row.band)
                            try await writer.endRowWaitingForDemand()
                        }
                    } catch VOParquetError.limitReached {
                        overflow = true  // the row past the limit was dropped
                    }
                    try writer.finish(overflow: overflow)
                } catch {
                    sink.fail(error)
                    throw error
                }
            }
            for try await chunk in sink.chunks {
                try await send(chunk)
            }
            try await group.waitForAll()
        }
    }

    /// A database cursor stand-in: `count` rows, then an optional failure.
    func cursor(rows count: Int, failing: Bool = false) -> AsyncThrowingStream<ObjectRow, any Error> {
        AsyncThrowingStream { continuation in
            for id in 0..<count {
                continuation.yield(
                    ObjectRow(
                        id: Int64(id), flux: id % 7 == 3 ? nil : Double(id) / 8, band: "gri".map(String.init)[id % 3]))
            }
            continuation.finish(throwing: failing ? CancellationError() : nil)
        }
    }

    @Test func tapResponsesAreCompleteOrMarkedAsOverflowed() async throws {
        let header = """
            <VOTABLE version="1.4"><RESOURCE type="results"><TABLE>
            <FIELD name="id" datatype="long"/><FIELD name="flux" datatype="double" unit="nJy"/>
            <FIELD name="band" datatype="char" arraysize="*"/>
            """
        let (footer, footerOverflow) = (
            "</TABLE></RESOURCE></VOTABLE>",
            "</TABLE><INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/></RESOURCE></VOTABLE>"
        )
        let columnTypes = [
            VOTableColumnType(name: "id", datatype: "long"), VOTableColumnType(name: "flux", datatype: "double"),
            VOTableColumnType(name: "band", datatype: "char", arraysize: "*"),
        ]
        // From the article:
        let envelope = try VOTableEnvelope(
            header: header, footer: footer, footerOverflow: footerOverflow, columnTypes: columnTypes)
        for (rows, maxrec, overflow) in [(20_000, 50_000, false), (20_000, 20_000, false), (20_001, 20_000, true)] {
            var body: [UInt8] = []
            try await respond(envelope: envelope, rows: cursor(rows: rows), maxrec: maxrec) { body += $0 }
            let metadata = try FileFooter.metadata(of: body)
            #expect(metadata.numRows == Int64(min(rows, maxrec)))
            let content = try #require(FileFooter.keyValue("IVOA.VOTable-Parquet.content", in: metadata))
            #expect(content.contains("QUERY_STATUS") == overflow, "\(rows) rows, MAXREC \(maxrec)")
        }
        var body: [UInt8] = []
        await #expect(throws: CancellationError.self) {
            try await respond(envelope: envelope, rows: cursor(rows: 10, failing: true), maxrec: 100) { body += $0 }
        }
        #expect(!body.suffix(4).elementsEqual("PAR1".utf8), "a failed response does not end like a Parquet file")
    }
}
