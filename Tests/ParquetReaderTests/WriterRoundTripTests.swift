import Foundation
import Parquet
import ParquetFormat
import ParquetReader
import Testing

/// Files our writer writes read back through our reader with exactly the values written,
/// for every value type, REQUIRED and OPTIONAL, PLAIN and dictionary, and every codec,
/// with several pages and row groups. (Interop with other readers is checked elsewhere;
/// this is the reader's own consistency with the writer.)
@Suite struct WriterRoundTripTests {
    static let rows = 1_200
    static let codecs: [Compression] = [.uncompressed, .snappy, .zstd(level: 3), .gzip(level: 6), .lz4Raw]

    @Test(arguments: [Repetition.required, .optional], [ColumnEncoding.plain, .dictionary])
    func everyTypeReadsBack(repetition: Repetition, encoding: ColumnEncoding) throws {
        for codec in Self.codecs {
            var options = WriterOptions()
            options.compression = codec
            options.encoding = encoding
            options.dataPageRowLimit = 300
            options.maxRowGroupRows = 500
            let columns = WriterColumn.everyType(repetition)
            let (bytes, expected) = try Self.write(columns, options: options) { row, column in
                repetition == .optional && (row * 7 + column) % 5 == 0
            }
            let reader = try ParquetFileReader(bytes: bytes)
            #expect(reader.metadata.rowGroups.count == 3)
            var records: [[RecordValue]] = []
            for rowGroup in reader.metadata.rowGroups.indices {
                records += try reader.readRecords(rowGroup: rowGroup)
            }
            try Self.expectEqual(records, expected, "\(codec) \(encoding) \(repetition)")
        }
    }

    /// A dictionary that outgrows its limit falls back to PLAIN in the middle of a chunk.
    @Test func dictionaryFallbackReadsBack() throws {
        var options = WriterOptions()
        options.dictionaryPageSizeLimit = 4_096
        options.dataPageRowLimit = 250
        let columns = [
            WriterColumn(column: Column("text", .string), cell: { .string("value number \($0) — ü") }) {
                if case .string(let value) = $0 { .bytes(Array(value.utf8)) } else { .null }
            },
            WriterColumn(column: Column("one", .double, .required), cell: { _ in .double(2.5) }) {
                if case .double(let value) = $0 { .double(value) } else { .null }
            },
        ]
        let (bytes, expected) = try Self.write(columns, options: options) { row, column in column == 0 && row % 11 == 0
        }
        let reader = try ParquetFileReader(bytes: bytes)
        let encodings = reader.columnMetadata(rowGroup: 0, column: 0).encodings
        #expect(encodings.contains(.plain) && encodings.contains(.rleDictionary))
        try Self.expectEqual(try reader.readRecords(rowGroup: 0), expected, "fallback")
    }

    /// Column chunks decode to contiguous typed buffers with one definition level per row.
    @Test func columnChunkBuffersAreTyped() throws {
        let columns = [
            WriterColumn(column: Column("id", .int64), cell: { .int(Int64($0)) }) {
                if case .int(let value) = $0 { .int64(value) } else { .null }
            }
        ]
        let (bytes, _) = try Self.write(columns, options: WriterOptions()) { row, _ in row % 4 == 0 }
        let chunk = try ParquetFileReader(bytes: bytes).readColumnChunk(rowGroup: 0, column: 0)
        #expect(chunk.entryCount == Self.rows)
        #expect(chunk.definitionLevels.count == Self.rows)
        #expect(chunk.repetitionLevels.isEmpty)
        guard case .int64(let values) = chunk.values else {
            Issue.record("expected INT64 values, got \(chunk.values)")
            return
        }
        #expect(values == (0..<Self.rows).filter { $0 % 4 != 0 }.map(Int64.init))
    }

    /// pqdump check finds nothing wrong with what the writer writes: sizes, offsets,
    /// encodings lists and stats, statistics, dictionary fallback.
    @Test(arguments: [ColumnEncoding.plain, .dictionary])
    func writerFilesPassCheck(encoding: ColumnEncoding) throws {
        var options = WriterOptions()
        options.encoding = encoding
        options.compression = .zstd(level: 3)
        options.dataPageRowLimit = 300
        options.maxRowGroupRows = 500
        options.dictionaryPageSizeLimit = 2_048
        let (bytes, _) = try Self.write(WriterColumn.everyType(.optional), options: options) { row, column in
            (row * 7 + column) % 5 == 0
        }
        let path = try PQDumpCommandTests.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = DumpRun(["check", path])
        #expect(run.status == 0, "\(run.output)")
        #expect(!run.output.contains("note"), "\(run.output)")
    }

    static func write(
        _ columns: [WriterColumn], options: WriterOptions, rows: Int = rows, isNull: (Int, Int) -> Bool
    ) throws -> (bytes: [UInt8], expected: [[RecordValue]]) {
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: try Schema(columns.map(\.column)), sink: sink, options: options)
        var expected: [[RecordValue]] = []
        for row in 0..<rows {
            var cells: [Cell] = []
            var values: [RecordValue] = []
            for (index, column) in columns.enumerated() {
                let cell = isNull(row, index) ? Cell.null : column.cell(row)
                cells.append(cell)
                values.append(cell == .null ? .null : column.expected(cell))
            }
            try writer.appendRow(cells)
            expected.append(values)
        }
        _ = try writer.close()
        return (sink.bytes, expected)
    }

    static func expectEqual(_ actual: [[RecordValue]], _ expected: [[RecordValue]], _ label: String) throws {
        try #require(actual.count == expected.count, "\(label): \(actual.count) records, expected \(expected.count)")
        var mismatches = 0
        for (row, (got, want)) in zip(actual, expected).enumerated() where !sameValue(.group(got), .group(want)) {
            mismatches += 1
            if mismatches <= 3 {
                Issue.record("\(label): row \(row) is \(got), expected \(want)")
            }
        }
        #expect(mismatches == 0, "\(label): \(mismatches) rows differ")
    }
}
