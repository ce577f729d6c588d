import Foundation
import Parquet
import ParquetReader
import Testing

@testable import pqdump

/// The command line that swift-argument-parser gives pqdump (version, help, completion
/// scripts, `--opt=value`) and the subcommands parquet-cli users reach for: `footer`,
/// `dictionary`, `bloom`, and `rows` with `--offset` and `--csv`.
@Suite struct PQDumpSubcommandTests {
    static let indexed = PQDumpCommandTests.indexed

    @Test func versionIsTheCreatedByString() {
        let run = DumpRun(["--version"])
        #expect(run.status == 0 && run.output == CreatedBy.string + "\n" && run.errors.isEmpty)
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsNameEverySubcommand(shell: String) {
        let run = DumpRun(["--generate-completion-script", shell])
        #expect(run.status == 0, "\(run.errors)")
        for command in Invocation.Command.allCases {
            #expect(run.output.contains(command.rawValue), "\(shell) script lacks \(command)")
        }
        #expect(DumpRun(["--generate-completion-script=\(shell)"]).output == run.output)
    }

    @Test(arguments: Invocation.Command.allCases)
    func everySubcommandHasItsOwnHelp(command: Invocation.Command) {
        for arguments in [[command.rawValue, "--help"], ["help", command.rawValue]] {
            let run = DumpRun(arguments)
            #expect(
                run.status == 0 && run.output.contains("USAGE: pqdump \(command.rawValue)"),
                "\(arguments): \(run.output)")
        }
    }

    @Test func optionsTakeTheirValueEitherWay() {
        let spaced = DumpRun(["rows", Self.indexed, "--head", "2", "--columns", "s,i64", "--offset", "3"])
        let joined = DumpRun(["rows", Self.indexed, "--head=2", "--columns=s,i64", "--offset=3"])
        #expect(spaced.status == 0 && spaced.output == joined.output && spaced.output.split(separator: "\n").count == 2)
        #expect(
            DumpRun(["pages", Self.indexed, "--column=s"]).output
                == DumpRun(["pages", Self.indexed, "--column", "s"]).output)
    }

    @Test(arguments: [
        ["dictionary", "f.parquet"], ["bloom", "f.parquet", "--column", "s"], ["rows", "f.parquet", "--offset", "-1"],
        ["rows", "f.parquet", "--json", "--csv"], ["footer", "f.parquet", "--column", "s"],
    ])
    func badSubcommandLinesExitWithStatus2(arguments: [String]) {
        let run = DumpRun(arguments)
        #expect(run.status == 2 && run.output.isEmpty)
        #expect(run.errors.hasPrefix("pqdump: ") && run.errors.filter { $0 == "\n" }.count == 1, "\(run.errors)")
    }

    /// `--offset` and `--head` cut the rows pyarrow read, across row-group boundaries.
    @Test(arguments: FixtureConformanceTests.names)
    func rowsOffsetAgreesWithPyarrow(name: String) throws {
        guard case .array(let rows)? = try FixtureConformanceTests.expected(name)["rows"] else {
            Issue.record("no rows for \(name)")
            return
        }
        for (offset, head) in [
            (0, 3), (rows.count / 2, 7), (max(rows.count - 1, 0), 5), (rows.count, 1), (rows.count + 9, 1),
        ] {
            let run = DumpRun([
                "rows", FixtureConformanceTests.path(name), "--json", "--offset", "\(offset)", "--head", "\(head)",
            ])
            try #require(run.status == 0, "\(run.errors)")
            let expected = Array(rows.dropFirst(offset).prefix(head))
            let mismatches = JSONValue.array(expected).mismatches(in: .array(try run.jsonLines()))
            #expect(mismatches.isEmpty, "\(name) --offset \(offset): \(mismatches.prefix(3))")
        }
    }

    @Test func rowsCSVHasAHeaderAndQuotesWhereNeeded() {
        let run = DumpRun(["rows", PQDumpCommandTests.nested, "--csv", "--head", "3", "--columns", "id,map"])
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(run.status == 0 && lines.count == 5 && lines[0] == "id,map" && lines[4].isEmpty, "\(run.output)")
        #expect(lines[2] == "1,[]")
        #expect(lines[3] == #"2,"[{""key"":""k0"",""value"":2},{""key"":""k1"",""value"":3}]""#)
        #expect(CSV.field(.null) == "" && CSV.field(.string("")) == "\"\"" && CSV.field(.string("a b")) == "a b")
        #expect(CSV.field(.string("x,\"y\"\nz")) == "\"x,\"\"y\"\"\nz\"")
        #expect(CSV.field(.real(2.5)) == "2.5" && CSV.field(.bool(true)) == "true")
    }

    /// The raw FileMetaData carries what pyarrow reports of the footer.
    @Test(arguments: FixtureConformanceTests.names)
    func footerAgreesWithPyarrow(name: String) throws {
        let run = DumpRun(["footer", FixtureConformanceTests.path(name), "--json"])
        try #require(run.status == 0, "\(run.errors)")
        let footer = try JSONValue.parse(run.output)
        let meta = try #require(try FixtureConformanceTests.expected(name)["meta"])
        #expect(footer["num_rows"] == meta["num_rows"] && footer["created_by"] == meta["created_by"])
        guard case .array(let rowGroups)? = footer["row_groups"], case .array(let expectedGroups)? = meta["row_groups"],
            rowGroups.count == expectedGroups.count
        else {
            Issue.record("\(name): row groups differ")
            return
        }
        for (rowGroup, expected) in zip(rowGroups, expectedGroups) {
            #expect(
                rowGroup["num_rows"] == expected["num_rows"]
                    && rowGroup["total_byte_size"] == expected["total_byte_size"])
            guard case .array(let chunks)? = rowGroup["columns"], case .array(let expectedChunks)? = expected["columns"]
            else {
                Issue.record("\(name): no column chunks")
                continue
            }
            for (chunk, expectedChunk) in zip(chunks, expectedChunks) {
                let metaData = chunk["meta_data"]
                for key in ["num_values", "total_compressed_size", "data_page_offset", "encodings", "codec"] {
                    #expect(metaData?[key] == expectedChunk[key], "\(name) \(key)")
                }
                let path = expectedChunk["path"].map { "\($0)" } ?? ""
                #expect(
                    metaData?["path_in_schema"].map { "\($0)" }?.contains(path.split(separator: ".").last ?? "") == true
                )
            }
        }
        let text = DumpRun(["footer", FixtureConformanceTests.path(name)]).output
        #expect(try JSONValue.parse(text) == footer, "the text form is the same JSON, indented")
    }

    @Test func footerNamesUnionMembersAndBinaryFields() throws {
        let footer = try JSONValue.parse(DumpRun(["footer", Self.indexed, "--json"]).output)
        guard case .array(let schema)? = footer["schema"] else {
            Issue.record("no schema")
            return
        }
        let decimal = try #require(schema.first { $0["name"] == .string("dec18") })
        #expect(
            decimal["logicalType"] == .object(["DECIMAL": .object(["scale": .integer(4), "precision": .integer(18)])]))
        #expect(decimal["type_length"] == .integer(8) && decimal["field_id"] == nil, "absent optionals are left out")
        guard case .array(let orders)? = footer["column_orders"] else {
            Issue.record("no column orders")
            return
        }
        #expect(orders.count == 10 && orders.allSatisfy { $0 == .object(["TYPE_ORDER": .object([:])]) })
        let s = try JSONValue.parse(DumpRun(["footer", Self.indexed, "--json"]).output)["row_groups"]
        guard case .array(let groups)? = s, case .array(let chunks)? = groups.first?["columns"] else {
            Issue.record("no chunks")
            return
        }
        // Binary statistics are base64 of the stored bytes: "s0-é😀-17".
        let minimum = chunks[4]["meta_data"]?["statistics"]?["min_value"]
        #expect(minimum == .string(Base64.encode(Array("s0-é😀-17".utf8))), "\(String(describing: minimum))")
    }

    @Test func summaryShowsFieldsUnitsNullsAndTheFirstRows() throws {
        let path = try PQDumpCommandTests.temporaryFile(try VOParquetCheckTests.voparquetFile())
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = DumpRun(["summary", path])
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("VOParquet 1.0, 3 rows in 1 row group, 3 columns, ") == true, "\(run.output)")
        #expect(lines.contains("  flux    double    nJy  0 nulls"), "\(run.output)")
        #expect(lines.contains("  fluxes  float[*]       nulls unknown"), "lists have no single null count")
        #expect(lines.contains("  id  flux  fluxes") && lines.contains("  1   0.5   [1.0,1.0]"), "\(run.output)")
        let json = try JSONValue.parse(DumpRun(["summary", path, "--json"]).output)
        guard case .array(let columns)? = json["columns"], case .array(let rows)? = json["first_rows"] else {
            Issue.record("no columns or rows")
            return
        }
        #expect(columns[1]["unit"] == .string("nJy") && columns[1]["type"] == .string("double"))
        #expect(rows.count == 3 && rows[2]["id"] == .integer(2))
    }

    /// Null counts add the row groups' statistics up, and agree with pyarrow's rows.
    @Test func summaryNullCountsAgreeWithPyarrow() throws {
        let json = try JSONValue.parse(DumpRun(["summary", Self.indexed, "--json"]).output)
        guard case .array(let rows)? = try FixtureConformanceTests.expected("pa_page_index_bloom_crc")["rows"],
            case .array(let columns)? = json["columns"]
        else {
            Issue.record("no rows or columns")
            return
        }
        #expect(json["num_rows"] == .integer(Int128(rows.count)) && json["num_row_groups"] == .integer(2))
        for column in columns {
            guard case .string(let name)? = column["name"] else { continue }
            let nulls = rows.filter { $0[name] == .null }.count
            #expect(column["null_count"] == .integer(Int128(nulls)), "\(name)")
        }
    }

    /// The dictionary holds exactly the distinct values of the chunk, as pyarrow wrote them.
    @Test func dictionaryListsTheDistinctValuesOfEachRowGroup() throws {
        let run = DumpRun(["dictionary", Self.indexed, "--column", "s", "--json"])
        try #require(run.status == 0, "\(run.errors)")
        guard case .array(let rowGroups)? = try JSONValue.parse(run.output)["row_groups"] else {
            Issue.record("no row groups in \(run.output)")
            return
        }
        let reader = try ParquetFileReader(path: Self.indexed)
        #expect(rowGroups.count == reader.metadata.rowGroups.count)
        for (index, rowGroup) in rowGroups.enumerated() {
            guard case .array(let entries)? = rowGroup["entries"] else {
                Issue.record("row group \(index) has no entries")
                continue
            }
            let chunk = try reader.readColumnChunk(rowGroup: index, column: 4)
            let distinct = Set((0..<chunk.values.count).map { chunk.values.recordValue(at: $0) }).map { value in
                guard case .bytes(let bytes) = value else { return "" }
                return String(decoding: bytes, as: UTF8.self)
            }
            #expect(
                Set(entries.map { "\($0)" }) == Set(distinct.map { "\"\($0)\"" }) && entries.count == distinct.count)
        }
        let boolean = try JSONValue.parse(DumpRun(["dictionary", Self.indexed, "--column", "b", "--json"]).output)
        #expect(
            boolean["row_groups"]
                == .array([
                    .object(["row_group": .integer(0), "entries": .null]),
                    .object(["row_group": .integer(1), "entries": .null]),
                ]))
        #expect(DumpRun(["dictionary", Self.indexed, "--column", "b"]).output.contains("no dictionary page"))
        #expect(DumpRun(["dictionary", Self.indexed, "--column", "nope"]).status == 1)
    }

    /// pyarrow's filters answer "maybe" for every value the row group holds.
    @Test func bloomFindsEveryStoredValueInPyarrowFilters() throws {
        let reader = try ParquetFileReader(path: Self.indexed)
        for rowGroup in reader.metadata.rowGroups.indices {
            let chunk = try reader.readColumnChunk(rowGroup: rowGroup, column: 4)
            let present = (0..<chunk.values.count).map { index -> String in
                guard case .bytes(let bytes) = chunk.values.recordValue(at: index) else { return "" }
                return String(decoding: bytes, as: UTF8.self)
            }
            let run = DumpRun(["bloom", Self.indexed, "--column", "s", "--json"] + present + ["absent-1", "absent-2"])
            try #require(run.status == 0, "\(run.errors)")
            guard case .array(let groups)? = try JSONValue.parse(run.output)["row_groups"],
                case .array(let results)? = groups[rowGroup]["values"]
            else {
                Issue.record("no results in \(run.output)")
                continue
            }
            #expect(results.dropLast(2).allSatisfy { $0["maybe"] == .bool(true) })
            #expect(results.suffix(2).allSatisfy { $0["maybe"] == .bool(false) }, "\(results.suffix(2))")
        }
        let text = DumpRun(["bloom", Self.indexed, "--column", "i64", "5000000035", "1"])
        #expect(text.output.hasPrefix("row group 0: 5000000035: maybe\nrow group 0: 1: no\n"), "\(text.output)")
        #expect(DumpRun(["bloom", Self.indexed, "--column", "i32", "1"]).output.contains("no Bloom filter on i32"))
        let refused = DumpRun(["bloom", Self.indexed, "--column", "i64", "abc"])
        #expect(refused.status == 1 && refused.errors == "pqdump: 'abc' is not a value of column i64 (INT64)\n")
    }
}
