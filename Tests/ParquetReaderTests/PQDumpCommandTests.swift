import Foundation
import Parquet
import ParquetFormat
import ParquetReader
import Testing
import VOParquet

/// pqdump's command line: options, exit statuses, one-line errors, and what each
/// subcommand prints.
@Suite struct PQDumpCommandTests {
    static let nested = FixtureConformanceTests.path("pa_nested_v1")
    static let indexed = FixtureConformanceTests.path("pa_page_index_bloom_crc")

    @Test(arguments: [
        [], ["rows"], ["--bogus", "f.parquet"], ["rows", "f.parquet", "--column", "x"],
        ["pages", "f.parquet", "--head", "1"],
        ["rows", "f.parquet", "--head", "-1"], ["rows", "f.parquet", "--columns", "a,,b"],
        ["meta", "a.parquet", "b.parquet"],
    ])
    func badCommandLinesExitWithStatus2AndOneLine(arguments: [String]) {
        let run = DumpRun(arguments)
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("pqdump: ") && run.errors.filter { $0 == "\n" }.count == 1, "\(run.errors)")
        #expect(run.output.isEmpty)
    }

    @Test func helpPrintsUsage() {
        let run = DumpRun(["--help"])
        #expect(
            run.status == 0 && run.output.contains("rows") && run.output.contains("meta (default)"), "\(run.output)")
        let rows = DumpRun(["rows", "--help"])
        #expect(
            rows.status == 0 && rows.output.contains("--head <head>") && rows.output.contains("--columns <a,b>"),
            "\(rows.output)")
    }

    @Test(arguments: ["meta", "schema", "pages", "index", "rows"])
    func unreadableFilesExitWithStatus1AndOneLine(command: String) throws {
        let missing = DumpRun([command, "/nonexistent/file.parquet"])
        #expect(missing.status == 1 && missing.errors.contains("cannot open"))
        #expect(missing.errors.filter { $0 == "\n" }.count == 1)
        let truncated = try Self.temporaryFile(
            Array(try TestFiles.bytes(URL(fileURLWithPath: Self.nested)).dropLast(5)))
        defer { try? FileManager.default.removeItem(atPath: truncated) }
        let run = DumpRun([command, truncated])
        #expect(run.status == 1 && run.errors.contains("trailing magic"), "\(run.errors)")
        #expect(run.errors.filter { $0 == "\n" }.count == 1)
    }

    @Test func metaIsTheDefaultCommand() {
        let run = DumpRun([Self.nested])
        #expect(run.status == 0)
        #expect(run.output == DumpRun(["meta", Self.nested]).output)
        #expect(run.output.contains("rows: 40 in 1 row groups, 11 columns"))
        #expect(run.output.contains("ARROW:schema = ") && run.output.contains("… ("), "long values are abbreviated")
    }

    @Test func rowsHeadAndColumnsSelectOutput() throws {
        let run = DumpRun(["rows", Self.nested, "--head", "3", "--columns", "map,id", "--json"])
        let rows = try run.jsonLines()
        #expect(rows.count == 3)
        #expect(rows[1] == .object(["map": .array([]), "id": .integer(1)]))
        #expect(
            rows[2]
                == .object([
                    "map": .array([
                        .object(["key": .string("k0"), "value": .integer(2)]),
                        .object(["key": .string("k1"), "value": .integer(3)]),
                    ]),
                    "id": .integer(2),
                ]))
        #expect(run.output.hasPrefix("{\"map\":"), "columns come in the order asked for")
        #expect(DumpRun(["rows", Self.nested, "--columns", "nope"]).status == 1)
        #expect(DumpRun(["rows", Self.nested, "--head", "0"]).output.isEmpty)
    }

    @Test func pagesReportCRCsAndDecodedCounts() throws {
        let run = DumpRun(["pages", Self.indexed, "--column", "s", "--json"])
        try #require(run.status == 0, "\(run.errors)")
        let columns = try #require(try JSONValue.parse(run.output)["columns"])
        guard case .array(let chunks) = columns, case .array(let pages)? = chunks.first?["pages"] else {
            Issue.record("no pages in \(run.output)")
            return
        }
        #expect(chunks.count == 2, "one entry per row group")
        #expect(pages.allSatisfy { $0["crc"] == .string("ok") })
        let dataPages = pages.filter { $0["type"] == .string("DATA_PAGE") }
        #expect(dataPages.count == 3, "40 rows at 16 rows per page")
        #expect(dataPages.first?["values"] != nil && dataPages.first?["nulls"] != nil)
        #expect(DumpRun(["pages", Self.indexed, "--column", "nope"]).status == 1)
    }

    @Test func indexShowsColumnAndOffsetIndexes() throws {
        let run = DumpRun(["index", Self.indexed, "--json"])
        try #require(run.status == 0)
        guard case .array(let chunks)? = try JSONValue.parse(run.output)["columns"] else {
            Issue.record("no columns")
            return
        }
        let sorted = try #require(chunks.first { $0["path"] == .string("sorted") })
        #expect(sorted["column_index"]?["boundary_order"] == .string("ASCENDING"))
        #expect(sorted["column_index"]?["min_values"] == .array([.integer(0), .integer(16), .integer(32)]))
        guard case .array(let locations)? = sorted["offset_index"]?["page_locations"] else {
            Issue.record("no page locations")
            return
        }
        #expect(locations.map { $0["first_row_index"] } == [.integer(0), .integer(16), .integer(32)])
    }

    @Test func schemaShowsTheTree() throws {
        let text = DumpRun(["schema", Self.nested]).output
        #expect(
            text.contains(
                "optional group ints LIST [LIST]\n  repeated group list\n    optional INT64 element (def 3, rep 1)"))
        let json = try JSONValue.parse(DumpRun(["schema", Self.nested, "--json"]).output)
        guard case .array(let fields)? = json["schema"] else {
            Issue.record("no schema")
            return
        }
        #expect(fields.count == 7)
        #expect(fields[6]["logical_type"] == .string("MAP"))
    }

    @Test func checkReportsCorruptPagesAndFailsWithStatus1() throws {
        var bytes = try TestFiles.bytes(URL(fileURLWithPath: Self.indexed))
        let reader = try ParquetFileReader(bytes: bytes)
        let range = try reader.columnChunkRange(rowGroup: 0, column: 4)
        bytes[range.upperBound - 2] ^= 0x40
        let path = try Self.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = DumpRun(["check", path, "--json"])
        #expect(run.status == 1)
        let report = try JSONValue.parse(run.output)
        #expect(report["ok"] == .bool(false))
        #expect(report["problems"]?.description.contains("CRC") == true, "\(report)")
    }

    /// Metadata that contradicts the data: a wrong maximum, a wrong null count and a
    /// file row count that the row groups do not add up to.
    @Test func checkReportsMetadataThatContradictsTheData() throws {
        let bytes = try TestFiles.bytes(URL(fileURLWithPath: Self.indexed))
        let reader = try ParquetFileReader(bytes: bytes)
        var metadata = reader.metadata
        metadata.numRows += 1
        metadata.rowGroups[0].columns[2].metaData!.statistics!.maxValue = withUnsafeBytes(of: Int64(7).littleEndian) {
            Array($0)
        }
        metadata.rowGroups[0].columns[2].metaData!.statistics!.nullCount = 0
        let footer = metadata.encoded()
        let edited =
            Array(bytes[..<reader.footerOffset]) + footer
            + withUnsafeBytes(of: UInt32(footer.count).littleEndian) { Array($0) } + Array("PAR1".utf8)
        let path = try Self.temporaryFile(edited)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = DumpRun(["check", path])
        #expect(run.status == 1)
        #expect(run.output.contains("PROBLEM footer: num_rows 61 but the row groups hold 60"))
        #expect(run.output.contains("PROBLEM row group 0, column i64 statistics: max differs from the data's maximum"))
        #expect(run.output.contains("PROBLEM row group 0, column i64 statistics: null_count 0 but the data has"))
        #expect(run.output.hasSuffix("FAILED: 3 problems in 20 column chunks and 68 pages\n"), "\(run.output)")
    }

    @Test func checkOfAnUnreadableFileReportsIt() throws {
        let run = DumpRun(["check", "/nonexistent/file.parquet", "--json"])
        #expect(run.status == 1)
        #expect(try JSONValue.parse(run.output)["ok"] == .bool(false))
    }

    @Test func expectedJSONComparisonSeesDifferences() throws {
        let expected = try JSONValue.parse(#"{"a":[1,2.5,"x"],"b":null}"#)
        #expect(expected.mismatches(in: try JSONValue.parse(#"{"b":null,"a":[1.0,2.5,"x"],"extra":1}"#)).isEmpty)
        #expect(
            expected.mismatches(in: try JSONValue.parse(#"{"a":[1,2.5,"y"],"b":null}"#)) == [
                #"$.a[2]: expected "x", found "y""#
            ])
        #expect(try JSONValue.parse("18446744073709551615") == .integer(18_446_744_073_709_551_615))
    }

    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pqdump-test-\(UUID().uuidString).parquet")
        try Data(bytes).write(to: url)
        return url.path
    }
}

/// The VOParquet checks, summary and `votable` command, on a file written by
/// VOParquetWriter and on copies whose footer keys were edited.
@Suite struct VOParquetCheckTests {
    static let table = """
        <TABLE><FIELD name="id" datatype="long"/><FIELD name="flux" datatype="double" unit="nJy"/>\
        <FIELD name="fluxes" datatype="float" arraysize="*"/>
        """
    static let document =
        "<VOTABLE version=\"1.4\"><RESOURCE type=\"results\">" + table + "</TABLE></RESOURCE></VOTABLE>"

    static func voparquetFile() throws -> [UInt8] {
        let sink = MemorySink()
        let writer = try VOParquetWriter(envelope: try VOTableEnvelope(document: document), sink: sink)
        for row in 0..<3 {
            try writer.append(Int64(row))
            try writer.append(Double(row) / 2)
            try writer.appendArray([Float(row), 1])
            try writer.endRow()
        }
        try writer.finish()
        return sink.bytes
    }

    /// The file with its key-value metadata replaced by `pairs`.
    static func edited(_ pairs: [(String, String)]) throws -> String {
        let bytes = try voparquetFile()
        let reader = try ParquetFileReader(bytes: bytes)
        var metadata = reader.metadata
        metadata.keyValueMetadata = pairs.map { KeyValue(key: $0.0, value: $0.1) }
        let footer = metadata.encoded()
        return try PQDumpCommandTests.temporaryFile(
            Array(bytes[..<reader.footerOffset]) + footer
                + withUnsafeBytes(of: UInt32(footer.count).littleEndian) { Array($0) } + Array("PAR1".utf8))
    }

    @Test func writtenFilesPassAndAreSummarized() throws {
        let path = try PQDumpCommandTests.temporaryFile(try Self.voparquetFile())
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(DumpRun(["check", path]).status == 0)
        let meta = DumpRun(["meta", path])
        #expect(meta.output.contains("VOParquet: version 1.0, 3 FIELDs, FIELDs match the columns"), "\(meta.output)")
        let votable = DumpRun(["votable", path])
        #expect(votable.status == 0)
        #expect(
            votable.output.contains("\n      <FIELD name=\"flux\" datatype=\"double\" unit=\"nJy\"/>\n"),
            "\(votable.output)")
        let json = DumpRun(["votable", path, "--json"])
        #expect(json.output.hasPrefix("{\"version\":\"1.0\",\"fields\":3,\"document\":\"<?xml "), "\(json.output)")
    }

    @Test(
        arguments: [
            ([("IVOA.VOTable-Parquet.version", "1.0")], "IVOA.VOTable-Parquet.content is missing"),
            ([("IVOA.VOTable-Parquet.content", document)], "IVOA.VOTable-Parquet.version is missing"),
            (
                [("IVOA.VOTable-Parquet.version", "1.1"), ("IVOA.VOTable-Parquet.content", document)],
                "is '1.1', not 1.0"
            ),
            (
                [("IVOA.VOTable-Parquet.version", "1.0"), ("IVOA.VOTable-Parquet.content", " ")],
                "is not a usable VOTable"
            ),
            (
                [("IVOA.VOTable-Parquet.version", "1.0"), ("IVOA.VOTable-Parquet.content", "<VOTABLE><TABLE>")],
                "is not a usable VOTable"
            ),
            (
                [
                    ("IVOA.VOTable-Parquet.version", "1.0"),
                    (
                        "IVOA.VOTable-Parquet.content",
                        document.replacingOccurrences(of: "</TABLE>", with: "<DATA><TABLEDATA/></DATA></TABLE>")
                    ),
                ],
                "first TABLE has a DATA element"
            ),
            (
                [
                    ("IVOA.VOTable-Parquet.version", "1.0"),
                    (
                        "IVOA.VOTable-Parquet.content",
                        document.replacingOccurrences(
                            of: "</TABLE>", with: "<FIELD name=\"x\" datatype=\"int\"/></TABLE>")
                    ),
                ],
                "4 FIELDs for 3 top-level columns"
            ),
            (
                [
                    ("IVOA.VOTable-Parquet.version", "1.0"),
                    (
                        "IVOA.VOTable-Parquet.content",
                        document.replacingOccurrences(of: "datatype=\"double\"", with: "datatype=\"short\"")
                    ),
                ],
                "FIELD 'flux' (short) does not map to a DOUBLE column"
            ),
        ] as [([(String, String)], String)])
    func problemsAreReported(pairs: [(String, String)], problem: String) throws {
        let path = try Self.edited(pairs)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = DumpRun(["check", path])
        #expect(
            run.status == 1 && run.output.contains("PROBLEM VOParquet metadata: ") && run.output.contains(problem),
            "\(run.output)")
    }
}
