import Foundation
import Parquet
import Testing
import VOParquet

/// The library example of Docs/voparquet.md, run as written there.
@Suite struct DocumentationExampleTests {
    struct Row {
        var id: Int64
        var flux: Double?
        var band: String
        var fluxes: [Float]
    }

    static let header = """
        <VOTABLE version="1.4"><RESOURCE type="results"><TABLE>
        <FIELD name="id" datatype="long"/><FIELD name="flux" datatype="double" unit="nJy"/>
        <FIELD name="band" datatype="char" arraysize="*"/><FIELD name="fluxes" datatype="float" arraysize="*"/>
        """
    static let footer = "</TABLE></RESOURCE></VOTABLE>"

    func write(_ rows: [Row], maxRows: Int, to path: String) throws {
        let (header, footer, footerOverflow) = (Self.header, Self.footer, Optional<String>.none)
        let columnTypes = [
            VOTableColumnType(name: "id", datatype: "long"), VOTableColumnType(name: "flux", datatype: "double"),
            VOTableColumnType(name: "band", datatype: "char", arraysize: "*"),
            VOTableColumnType(name: "fluxes", datatype: "float", arraysize: "*"),
        ]
        // From Docs/voparquet.md:
        let envelope = try VOTableEnvelope(
            header: header, footer: footer, footerOverflow: footerOverflow,
            columnTypes: columnTypes)
        var options = VOParquetOptions()
        options.maxRows = maxRows
        let writer = try VOParquetWriter(envelope: envelope, sink: try FileSink(path: path), options: options)
        do {
            for row in rows {
                try writer.append(row.id)
                if let flux = row.flux { try writer.append(flux) } else { try writer.appendNull() }
                try writer.append(row.band)
                try writer.appendArray(row.fluxes)
                try writer.endRow()
            }
            try writer.finish(extraInfos: [VOTableInfo(name: "rows", value: "\(writer.rowCount)")])
        } catch .limitReached {
            try writer.finish(overflow: true)
        }
    }

    @Test func exampleWritesCompleteAndOverflowedFiles() throws {
        let rows = (0..<5).map {
            Row(id: Int64($0), flux: $0 == 2 ? nil : Double($0), band: "r", fluxes: [Float($0), 1])
        }
        let path = NSTemporaryDirectory() + "voparquet-example-\(ProcessInfo.processInfo.processIdentifier).parquet"
        defer { try? FileManager.default.removeItem(atPath: path) }
        for (maxRows, expected, overflow) in [(10, 5, false), (3, 3, true)] {
            try write(rows, maxRows: maxRows, to: path)
            let file = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let metadata = try FileFooter.metadata(of: file)
            #expect(metadata.numRows == Int64(expected))
            let content = try #require(FileFooter.keyValue("IVOA.VOTable-Parquet.content", in: metadata))
            #expect(content.contains("QUERY_STATUS\" value=\"OVERFLOW\"") == overflow)
            #expect(content.contains("<INFO name=\"rows\" value=\"5\"/>") == !overflow)
        }
    }
}
