import Foundation
import Testing

/// The files in Fixtures/readers (from pyarrow, DuckDB, polars and fastparquet; see its
/// generate.py) read through pqdump exactly as the generator's expected JSON says:
/// the values pyarrow reads, the metadata pyarrow reports, and a clean `check`.
@Suite struct FixtureConformanceTests {
    static let directory = TestFiles.repositoryRoot.appendingPathComponent("Fixtures/readers")

    static let names: [String] = {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return entries.filter { $0.hasSuffix(".parquet") }.map { String($0.dropLast(".parquet".count)) }.sorted()
    }()

    @Test func fixturesArePresent() {
        #expect(Self.names.count >= 40)
        #expect(Set(Self.names.map { $0.prefix { $0 != "_" } }) == ["pa", "duckdb", "polars", "fastparquet"])
    }

    @Test(arguments: names)
    func rowsEqualTheExpectedValues(name: String) throws {
        let expected = try Self.expected(name)
        let run = DumpRun(["rows", Self.path(name), "--json"])
        try #require(run.status == 0, "\(run.errors)")
        let rows = try run.jsonLines()
        let mismatches = try #require(expected["rows"]).mismatches(in: .array(rows))
        #expect(mismatches.isEmpty, "\(name): \(mismatches.prefix(5).joined(separator: "; "))")
    }

    @Test(arguments: names)
    func metaAgreesWithPyarrow(name: String) throws {
        let expected = try Self.expected(name)
        let run = DumpRun(["meta", Self.path(name), "--json"])
        try #require(run.status == 0, "\(run.errors)")
        let meta = try JSONValue.parse(run.output)
        let mismatches = try #require(expected["meta"]).mismatches(in: meta)
        #expect(mismatches.isEmpty, "\(name): \(mismatches.prefix(5).joined(separator: "; "))")
    }

    @Test(arguments: names)
    func checkFindsNoProblem(name: String) throws {
        let run = DumpRun(["check", Self.path(name), "--json"])
        let report = try JSONValue.parse(run.output)
        #expect(run.status == 0 && report["ok"] == .bool(true), "\(name): \(report["problems"] ?? .null)")
    }

    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name + ".parquet").path
    }

    static func expected(_ name: String) throws -> JSONValue {
        try JSONValue.parse(
            String(decoding: try Data(contentsOf: directory.appendingPathComponent(name + ".json")), as: UTF8.self))
    }
}
