import Foundation
import Parquet
import ParquetFormat
import Testing

/// Our schema for the table of Fixtures/pyarrow/schema_types*.parquet, element by
/// element against the footer pyarrow wrote for it.
@Suite struct PyarrowSchemaTests {
    /// The fixture's columns as our column types, in the fixture's order.
    static let columns: [(String, ColumnType)] = [
        ("b", .boolean), ("i8", .int8), ("i16", .int16), ("i32", .int32), ("i64", .int64),
        ("u8", .uint8), ("u16", .uint16), ("u32", .uint32), ("u64", .uint64),
        ("f32", .float), ("f64", .double), ("f16", .float16), ("s", .string), ("bin", .binary),
        ("fixed", .fixedBinary(length: 4)), ("d", .date),
        // pyarrow's time32/time64 carry no time zone, so it writes them not UTC-adjusted.
        ("t_ms", .time(unit: .millis, adjustedToUTC: false)), ("t_us", .time(unit: .micros, adjustedToUTC: false)),
        ("t_ns", .time(unit: .nanos, adjustedToUTC: false)),
        ("ts_ms", .timestamp(unit: .millis, adjustedToUTC: false)),
        ("ts_us_utc", .timestamp(unit: .micros, adjustedToUTC: true)),
        ("ts_ns", .timestamp(unit: .nanos, adjustedToUTC: false)),
        ("dec9", .decimal(precision: 9, scale: 2)), ("dec18", .decimal(precision: 18, scale: 4)),
        ("dec30", .decimal(precision: 30, scale: 5)), ("uuid", .uuid), ("json", .json),
    ]

    @Test(arguments: [(Repetition.optional, "schema_types.parquet"), (.required, "schema_types_required.parquet")])
    func schemaMatchesPyarrow(repetition: Repetition, fixture: String) throws {
        let theirs = try FooterReader.metadata(of: PyarrowFixture.bytes(of: fixture)).schema
        let schema = try Schema(Self.columns.map { Column($0.0, $0.1, repetition) })
        let writer = try ParquetWriter(schema: schema, sink: MemorySink())
        let ours = try writer.close().schema
        #expect(ours.count == theirs.count)
        for (mine, pyarrows) in zip(ours, theirs) {
            var expected = pyarrows
            // pyarrow adds the legacy TIMESTAMP_MILLIS converted type to a local
            // (not UTC-adjusted) timestamp; the converted type means UTC-adjusted,
            // so we leave it out, as the spec's compatibility table says.
            if expected.name == "ts_ms" {
                #expect(expected.convertedType == .timestampMillis)
                expected.convertedType = nil
            }
            #expect(mine == expected, "column \(mine.name)")
        }
    }
}

/// The bytes of a file in Fixtures/pyarrow.
enum PyarrowFixture {
    static func bytes(of name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/pyarrow/\(name)")
        return Array(try Data(contentsOf: url))
    }
}
