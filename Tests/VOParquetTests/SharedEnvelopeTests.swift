import Parquet
import ParquetFormat
import Testing

@testable import VOParquet

/// The library path with the real DP0.2 TAP envelopes in the shared data directory.
@Suite struct SharedEnvelopeTests {
    static let objectAvailable = SharedEnvelope.isAvailable("dp02_object.json")
    static let ccdVisitAvailable = SharedEnvelope.isAvailable("dp02_ccdvisit.json")

    @Test(.enabled(if: objectAvailable, "dp02_object.json is not in $SHARED_DATA (../shared/data)"))
    func objectTableKeepsAll991Fields() throws {
        let shared = try #require(try SharedEnvelope.load("dp02_object.json"))
        let envelope = try shared.envelope()
        #expect(envelope.fields.count == 991)
        let sink = MemorySink()
        let writer = try VOParquetWriter(envelope: envelope, sink: sink)
        for row in 0..<50 {
            for (index, column) in writer.columns.enumerated() {
                if (row + index) % 7 == 0 {
                    try writer.appendNull()
                    continue
                }
                switch column.valueKind {
                case .boolean: try writer.append((row + index) % 3 == 0)
                case .int: try writer.append(Int32(row * index))
                case .long: try writer.append(Int64(row) << 32 | Int64(index))
                case .float: try writer.append(Float(row) / 8)
                case .double: try writer.append(Double(row) * 0.1 + Double(index))
                case .string: try writer.append("r\(row)c\(index)")
                default: Issue.record("unexpected kind \(column.valueKind) for \(column.field.name)")
                }
            }
            try writer.endRow()
        }
        try writer.finish(extraInfos: [VOTableInfo(name: "rows", value: "50")])

        let metadata = try FileFooter.metadata(of: sink.bytes)
        #expect(metadata.numRows == 50)
        #expect(metadata.schema.count == 992)
        #expect(Array(metadata.schema.dropFirst().map(\.name)) == envelope.fields.map(\.name))
        let content = try #require(FileFooter.keyValue("IVOA.VOTable-Parquet.content", in: metadata))
        #expect(content == envelope.content(overflow: false, extraInfos: [VOTableInfo(name: "rows", value: "50")]))
        // The embedded document parses as a VOTable with every FIELD intact.
        let embedded = try VOTableEnvelope(document: content, columnTypes: shared.columnTypes)
        #expect(embedded.fields == envelope.fields)
        #expect(
            embedded.fields.contains { $0.name == "coord_ra" && $0.unit == "deg" && $0.ucd == "pos.eq.ra;meta.main" })
        #expect(!content.contains("<DATA"))
    }

    @Test(.enabled(if: ccdVisitAvailable, "dp02_ccdvisit.json is not in $SHARED_DATA (../shared/data)"))
    func ccdVisitTimestampsAsStringsOrTimestamps() throws {
        let shared = try #require(try SharedEnvelope.load("dp02_ccdvisit.json"))
        let envelope = try shared.envelope()
        for storage in [VOParquetOptions.TimestampStorage.string, .timestamp] {
            var options = VOParquetOptions()
            options.timestamps = storage
            options.maxRows = 3
            let sink = MemorySink()
            let writer = try VOParquetWriter(envelope: envelope, sink: sink, options: options)
            let timestampColumns = writer.columns.filter { $0.field.xtype == "timestamp" }
            #expect(timestampColumns.count == 2)
            #expect(
                timestampColumns.allSatisfy {
                    $0.column.type == (storage == .string ? .string : .timestamp(unit: .micros, adjustedToUTC: true))
                })
            var refused = false
            for row in 0..<5 {
                do {
                    for column in writer.columns {
                        switch column.valueKind {
                        case .long: try writer.append(Int64(row))
                        case .float: try writer.append(Float(row))
                        case .double: try writer.append(Double(row))
                        case .string: try writer.append("r")
                        case .timestamp: try writer.append("2022-06-0\(row + 1)T03:04:05.25Z")
                        default: Issue.record("unexpected kind \(column.valueKind)")
                        }
                    }
                    try writer.endRow()
                } catch {
                    #expect(error == .limitReached(.maxRows(3)))
                    refused = true
                    break
                }
            }
            #expect(refused)
            try writer.finish(overflow: true)
            let metadata = try FileFooter.metadata(of: sink.bytes)
            #expect(metadata.numRows == 3)
            let content = try #require(FileFooter.keyValue("IVOA.VOTable-Parquet.content", in: metadata))
            #expect(content == shared.header + shared.footerOverflow!)
        }
    }
}
