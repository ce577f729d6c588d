import HEALPix
import Parquet
import ParquetReader
import Testing
import VOParquet

@testable import HATS

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct CatalogBuilderTests {
    /// Every kind of FIELD the converter maps, with nulls, empty and null arrays.
    static let document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
          <RESOURCE type="results">
            <TABLE>
              <!-- a comment with <FIELD name="fake"/> in it -->
              <FIELD name="id" datatype="long"/>
              <FIELD name="ra" datatype="double" unit="deg"/>
              <FIELD name="dec" datatype="float" unit="deg"/>
              <FIELD name="ok" datatype="boolean"/>
              <FIELD name="byte" datatype="unsignedByte"/>
              <FIELD name="short" datatype="short"><VALUES null="-1"/></FIELD>
              <FIELD name="int" datatype="int"/>
              <FIELD name="name" datatype="char" arraysize="*"/>
              <FIELD name="label" datatype="unicodeChar" arraysize="6"/>
              <FIELD name="when" datatype="char" arraysize="*" xtype="timestamp"/>
              <FIELD name="fluxes" datatype="float" arraysize="*"/>
              <FIELD name="pair" datatype="double" arraysize="2"/>
              <FIELD name="bits" datatype="short" arraysize="3"/>
              <DATA><TABLEDATA>
        \(rows)
              </TABLEDATA></DATA>
            </TABLE>
            <INFO name="QUERY_STATUS" value="OK"/>
          </RESOURCE>
        </VOTABLE>
        """

    static var rows: String {
        (0..<400).map { row in
            let ra = Double(row) * 0.9 + 0.25
            let dec = Double(row % 170) - 84.5
            let ok = row % 3 == 0 ? "" : (row % 2 == 0 ? "T" : "F")
            let short = row % 5 == 0 ? "-1" : "\(row)"
            let name = row % 4 == 0 ? "" : "obj&lt;\(row)&gt; é"
            let when = row % 6 == 0 ? "" : "2024-01-0\(row % 9 + 1)T12:00:0\(row % 10)Z"
            let fluxes = row % 7 == 0 ? "" : (0..<(row % 4)).map { "\(Float($0) + 0.5)" }.joined(separator: " ")
            return "<TR><TD>\(row)</TD><TD>\(ra)</TD><TD>\(dec)</TD><TD>\(ok)</TD><TD>\(row % 256)</TD>"
                + "<TD>\(short)</TD><TD>\(row * 1000)</TD><TD>\(name)</TD><TD>λ\(row % 100)</TD><TD>\(when)</TD>"
                + "<TD>\(fluxes)</TD><TD>\(ra) \(dec)</TD><TD>1 2 \(row % 30)</TD></TR>"
        }.joined(separator: "\n")
    }

    static func options() -> HATSImportOptions {
        var options = HATSImportOptions(catalogName: "all types", raColumn: "ra", decColumn: "dec")
        options.pixelThreshold = 40
        options.highestOrder = 4
        options.output.timestamps = .timestamp
        options.output.writer.memoryLimit = 4 << 20
        return options
    }

    /// The rows as `voparquet convert` writes them, read back.
    static func convertedRows(options: VOParquetOptions) throws -> [[RecordValue]] {
        let converter = VOTableConverter(source: MemoryByteSource(document))
        let sink = MemorySink()
        let writer = try VOParquetWriter(envelope: try converter.readEnvelope(), sink: sink, options: options)
        try converter.convert(into: writer)
        return try records(ParquetFileReader(bytes: sink.bytes))
    }

    static func records(_ reader: ParquetFileReader) throws -> [[RecordValue]] {
        try reader.metadata.rowGroups.indices.flatMap { try reader.readRecords(rowGroup: $0) }
    }

    static func temporaryPath() -> String {
        "/tmp/hats-builder-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    @Test func partitionsHoldEveryRowWithItsValues() throws {
        let directory = Self.temporaryPath()
        defer { FileSystem.removeTree(directory) }
        let options = Self.options()
        let builder = try HATSCatalogBuilder(directory: directory, options: options)
        try builder.addInput(MemoryByteSource(Self.document), name: "all.xml")
        let summary = try builder.finish()
        #expect(summary.rows == 400)
        #expect(summary.partitions.reduce(0) { $0 + $1.rows } == 400)
        #expect(summary.partitions.allSatisfy { $0.rows <= 40 })
        #expect(!exists(directory + "/.voparquet-tmp"))

        var rows: [[RecordValue]] = []
        for partition in summary.partitions {
            let reader = try ParquetFileReader(path: directory + "/" + partition.path)
            #expect(reader.schema.fields.first?.name == "_healpix_29")
            let records = try Self.records(reader)
            #expect(records.count == Int(partition.rows))
            var previous = Int64.min
            for record in records {
                guard case .int64(let index29) = record[0], case .double(let ra) = record[2],
                    case .float(let dec) = record[3]
                else {
                    Issue.record("unexpected _healpix_29, ra or dec in \(partition.path)")
                    continue
                }
                #expect(index29 >= previous)
                previous = index29
                #expect(index29 == (try HEALPix.nestedIndex(order: 29, raDegrees: ra, decDegrees: Double(dec))))
                #expect(HEALPixPixel(order: 29, index: index29).parent(at: partition.pixel.order) == partition.pixel)
            }
            rows += records.map { Array($0.dropFirst()) }
        }
        let expected = try Self.convertedRows(options: options.output)
        #expect(rows.sorted { Self.id($0) < Self.id($1) } == expected)
    }

    @Test func metadataFilesDescribeThePartitions() throws {
        let directory = Self.temporaryPath()
        defer { FileSystem.removeTree(directory) }
        let builder = try HATSCatalogBuilder(directory: directory, options: Self.options())
        try builder.addInput(MemoryByteSource(Self.document), name: "all.xml")
        let summary = try builder.finish()
        let metadata = try ParquetFileReader(path: directory + "/dataset/_metadata").metadata
        #expect(metadata.numRows == 400)
        let paths = metadata.rowGroups.map { $0.columns[0].filePath }
        #expect(Set(paths) == Set(summary.partitions.map(\.datasetPath)))
        #expect(metadata.rowGroups.allSatisfy { group in group.columns.allSatisfy { $0.filePath != nil } })
        let common = try ParquetFileReader(path: directory + "/dataset/_common_metadata").metadata
        #expect(common.rowGroups.isEmpty && common.schema == metadata.schema)
        #expect(common.keyValueMetadata?.contains { $0.key == "IVOA.VOTable-Parquet.version" } == true)
        let info = try String(contentsOfFileAtPath: directory + "/partition_info.csv")
        #expect(info == PartitionInfoFile.text(summary.partitions))
        let properties = try String(contentsOfFileAtPath: directory + "/hats.properties")
        #expect(properties.contains("obs_collection=all types\n") && properties.contains("hats_nrows=400\n"))
        #expect(try String(contentsOfFileAtPath: directory + "/properties") == properties)
    }

    @Test func invalidPositionsStopOrAreLeftOut() throws {
        let document = Self.document.replacingFirst(
            "<TD>3</TD><TD>2.95</TD><TD>-81.5</TD>", with: "<TD>3</TD><TD>2.95</TD><TD></TD>")
        #expect(document != Self.document)
        let directory = Self.temporaryPath()
        defer { FileSystem.removeTree(directory) }
        let failing = try HATSCatalogBuilder(directory: directory, options: Self.options())
        #expect {
            try failing.addInput(MemoryByteSource(document), name: "holes.xml")
        } throws: { error in
            "\(error)".hasPrefix("'holes.xml', row 3: the declination ('dec') is null")
        }
        failing.discard()
        #expect(!exists(directory))
        var options = Self.options()
        options.dropsInvalidPositions = true
        let dropping = try HATSCatalogBuilder(directory: directory, options: options)
        try dropping.addInput(MemoryByteSource(document), name: "holes.xml")
        let summary = try dropping.finish()
        #expect(summary.rows == 399 && summary.droppedRows == 1)
    }

    static func id(_ record: [RecordValue]) -> Int64 {
        if case .int64(let id) = record[0] { return id }
        return -1
    }
}

extension String {
    fileprivate init(contentsOfFileAtPath path: String) throws {
        let reader = try TextFile(path: path)
        self = reader.text
    }

    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

/// Reads a small text file.
private struct TextFile {
    let text: String
    init(path: String) throws {
        guard let file = fopen(path, "rb") else { throw HATSImportError.io("cannot open \(path)") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            bytes += buffer[..<count]
        }
        text = String(decoding: bytes, as: UTF8.self)
    }
}

/// Whether anything exists at `path`.
func exists(_ path: String) -> Bool {
    access(path, F_OK) == 0
}
