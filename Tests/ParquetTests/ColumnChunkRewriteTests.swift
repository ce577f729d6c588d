import Foundation
import InteropSupport
import ParquetFormat
import ParquetReader
import Testing

@testable import Parquet

/// `appendColumns(_: [ColumnChunkData])`: a file read with `ParquetFileReader` and written
/// back chunk by chunk has the bytes of the original, and chunks that do not fit the
/// writer's schema are refused before any row goes in.
@Suite struct ColumnChunkRewriteTests {
    /// Every row group of `bytes`, decoded and appended to a new writer of `schema`.
    static func rewrite(
        _ bytes: [UInt8], schema: Schema, options: WriterOptions, sliceByteTarget: Int
    ) throws -> [UInt8] {
        let reader = try ParquetFileReader(bytes: bytes)
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
        for rowGroup in reader.metadata.rowGroups.indices {
            let chunks = try schema.descriptors.indices.map {
                try reader.readColumnChunk(rowGroup: rowGroup, column: $0)
            }
            try writer.appendColumns(chunks, sliceByteTarget: sliceByteTarget)
        }
        #expect(writer.rowCount == Int(reader.metadata.numRows))
        try writer.close()
        return sink.bytes
    }

    @Test(arguments: [
        ("defaults", 4 << 20), ("small pages, v2, plain, gzip", 1_000),
        ("small row-group target, dictionary, checksums, bloom filter", 20_000),
        ("memory limit so small that pages spill", 0),
    ])
    func aFileReadAndWrittenBackHasTheBytesOfTheOriginal(optionSet: String, sliceByteTarget: Int) throws {
        let columns = ColumnarBatchTests.testColumns
        let schema = try Schema(columns.map(\.column))
        let options = ColumnarBatchTests.options(optionSet, schema: schema)
        let original = try ColumnarBatchTests.writeRowByRow(schema, options).bytes
        // Slices of 8 rows up to the whole row group: nulls runs and pages cross them.
        let rewritten = try Self.rewrite(original, schema: schema, options: options, sliceByteTarget: sliceByteTarget)
        #expect(rewritten.count == original.count)
        #expect(rewritten == original)
        guard optionSet == "small pages, v2, plain, gzip" else { return }
        let rows = ColumnarBatchTests.rows
        let expected = ExpectedFile(
            columns: columns.enumerated().map { index, column in
                (
                    column.column,
                    (0..<rows).map { row in
                        ColumnarBatchTests.isNull(column, column: index, row: row)
                            ? .null : column.cell(row: row).expected(for: column.column.type)
                    }
                )
            },
            rowGroups: 4)
        try InteropOutput.save("column_chunks_written_back", bytes: rewritten, expected: expected)
    }

    /// The example of README.md, "Using the library", as it is written there but for
    /// the input's path.
    @Test func theReadmeExampleCopiesAFile() throws {
        let schema = try Schema(ColumnarBatchTests.testColumns.map(\.column))
        let options = ColumnarBatchTests.options("small pages, v2, plain, gzip", schema: schema)
        let original = try ColumnarBatchTests.writeRowByRow(schema, options).bytes
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("readme-copy-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("in.parquet").path
        try Data(original).write(to: URL(fileURLWithPath: path))
        let sink = MemorySink()
        let copy = try ParquetWriter(schema: schema, sink: sink, options: options)

        let reader = try ParquetFileReader(path: path)
        for rowGroup in reader.metadata.rowGroups.indices {
            try copy.appendColumns(
                try reader.schema.leaves.indices.map {
                    try reader.readColumnChunk(rowGroup: rowGroup, column: $0)
                })
        }

        try copy.close()
        #expect(sink.bytes == original)
    }

    /// The chunks of `schema`'s one-row-group file of `rows` rows.
    static func chunks(of schema: Schema, rows: Int) throws -> [ColumnChunkData] {
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink)
        for row in 0..<rows {
            for column in schema.descriptors.indices {
                if schema.descriptors[column].maxRepetitionLevel > 0 {
                    try writer.appendNull()
                    continue
                }
                switch schema.descriptors[column].leafType {
                case .double: try writer.append(Double(row) + 0.5)
                case .int32: try writer.append(Int32(row))
                case .string: try writer.append("r\(row)")
                default: try writer.appendNull()
                }
            }
            try writer.endRow()
        }
        try writer.close()
        let reader = try ParquetFileReader(bytes: sink.bytes)
        return try schema.descriptors.indices.map { try reader.readColumnChunk(rowGroup: 0, column: $0) }
    }

    @Test func chunksThatDoNotFitTheSchemaAreRefusedBeforeAnyRow() throws {
        let schema = try Schema([Column("x", .double), Column("n", .int32, .required), Column("s", .string)])
        let chunks = try Self.chunks(of: schema, rows: 5)
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink)
        try writer.appendColumns(chunks)
        #expect(writer.rowCount == 5)

        // Another type, another nullability, another name: named by the column.
        let others: [(Schema, String)] = [
            (try Schema([Column("x", .float), Column("n", .int32, .required), Column("s", .string)]), "x"),
            (try Schema([Column("x", .double), Column("n", .int32), Column("s", .string)]), "n"),
            (try Schema([Column("x", .double), Column("n", .int32, .required), Column("t", .string)]), "s"),
        ]
        for (other, column) in others {
            let foreign = try Self.chunks(of: other, rows: 3)
            #expect {
                try writer.appendColumns(foreign)
            } throws: { error in
                guard case .typeMismatch(let name, 5, _, let got) = error as? ParquetWriterError else { return false }
                return name == column && got.hasPrefix("column chunk '")
            }
        }
        // Too few chunks, or chunks of different lengths.
        #expect(throws: ParquetWriterError.missingCell(column: "s", row: 5)) {
            try writer.appendColumns(Array(chunks.prefix(2)))
        }
        let shorter = try Self.chunks(of: schema, rows: 4)
        #expect(throws: ParquetWriterError.batchLengthMismatch(column: "n", expected: 5, got: 4)) {
            try writer.appendColumns([chunks[0], shorter[1], chunks[2]])
        }
        // A LIST column's chunk is not a flat column's.
        let listSchema = try Schema([
            Column("x", .list(element: .double)), Column("n", .int32, .required), Column("s", .string),
        ])
        let listChunks = try Self.chunks(of: listSchema, rows: 2)
        #expect(throws: ParquetWriterError.self) { try writer.appendColumns(listChunks) }

        // Nothing of the refused chunks went in: the file holds the first five rows.
        #expect(writer.rowCount == 5)
        try writer.close()
        let reader = try ParquetFileReader(bytes: sink.bytes)
        #expect(reader.metadata.numRows == 5)
        let written = try reader.readColumnChunk(rowGroup: 0, column: 0)
        #expect(written.values == .double((0..<5).map { Double($0) + 0.5 }))
    }
}
