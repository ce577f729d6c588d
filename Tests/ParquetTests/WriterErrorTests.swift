import Foundation
import InteropSupport
import Parquet
import ParquetFormat
import Testing

/// Every kind of bad input is rejected with an error naming the column and row,
/// the rejected row leaves nothing behind, and the file closes valid with every
/// accepted row (checked by the Python readers through the saved JSON).
@Suite struct WriterErrorTests {
    static let columns = [
        Column("id", .int64, .required),
        Column("small", .int8),
        Column("name", .string),
        Column("code", .fixedBinary(length: 2)),
        Column("x", .double),
    ]

    /// Appends a good row for `id`.
    static func appendGoodRow<Sink>(_ writer: ParquetWriter<Sink>, id: Int64) throws {
        try writer.append(id)
        try writer.append(Int32(id % 100))
        try writer.append("row \(id)")
        try writer.append(bytes: [UInt8(id % 256), 1])
        try writer.append(Double(id) / 4)
    }

    @Test func everyBadRowIsRejectedAndTheFileStaysValid() throws {
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: try Schema(Self.columns), sink: sink)
        var accepted: [Int64] = []
        func good(_ id: Int64) throws {
            try Self.appendGoodRow(writer, id: id)
            try writer.endRow()
            accepted.append(id)
        }
        try good(0)

        // A value of the wrong type.
        try writer.append(Int64(1))
        #expect(throws: ParquetWriterError.typeMismatch(column: "small", row: 1, expected: "int8", got: "String")) {
            try writer.append("not a number")
        }
        // An integer outside INT8.
        try writer.append(Int64(1))
        #expect(
            throws: ParquetWriterError.valueOutOfRange(column: "small", row: 1, value: "300", allowed: "-128...127")
        ) {
            try writer.append(Int32(300))
        }
        // Null into a REQUIRED column.
        #expect(throws: ParquetWriterError.nullInRequiredColumn(column: "id", row: 1)) { try writer.appendNull() }
        // Invalid UTF-8 into a STRING column.
        try writer.append(Int64(1))
        try writer.appendNull()
        #expect(throws: ParquetWriterError.invalidUTF8(column: "name", row: 1)) {
            try writer.append(bytes: [0x61, 0xC3, 0x28])
        }
        // A FIXED_LEN_BYTE_ARRAY of the wrong length.
        try writer.append(Int64(1))
        try writer.appendNull()
        try writer.append("ok")
        #expect(throws: ParquetWriterError.wrongFixedLength(column: "code", row: 1, expected: 2, got: 3)) {
            try writer.append(bytes: [1, 2, 3])
        }
        // A missing cell.
        try writer.append(Int64(1))
        try writer.appendNull()
        #expect(throws: ParquetWriterError.missingCell(column: "name", row: 1)) { try writer.endRow() }
        // An extra cell.
        try Self.appendGoodRow(writer, id: 1)
        #expect(throws: ParquetWriterError.extraCell(row: 1, columnCount: 5)) { try writer.append(1.5) }

        // After every rejection the writer goes on, and row numbering did not move.
        try good(1)
        try writer.appendRow([.int(2), .null, .string("two"), .bytes([2, 2]), .double(.nan)])
        accepted.append(2)
        #expect(throws: ParquetWriterError.typeMismatch(column: "x", row: 3, expected: "double", got: "Int64")) {
            try writer.appendRow([.int(3), .int(3), .string("three"), .bytes([3, 3]), .int(3)])
        }
        #expect(writer.rowCount == 3)
        try writer.close()
        #expect(throws: ParquetWriterError.writerClosed) { try writer.append(Int64(9)) }
        #expect(throws: ParquetWriterError.writerClosed) { try writer.close() }

        let metadata = try FooterReader.metadata(of: sink.bytes)
        #expect(metadata.numRows == 3)
        let expected = ExpectedFile(
            columns: [
                (Self.columns[0], accepted.map { .integer(Int128($0)) }),
                (Self.columns[1], [.integer(0), .integer(1), .null]),
                (Self.columns[2], [.text("row 0"), .text("row 1"), .text("two")]),
                (Self.columns[3], [.binary([0, 1]), .binary([1, 1]), .binary([2, 2])]),
                (Self.columns[4], [.real(0), .real(0.25), .real(.nan)]),
            ], rowGroups: 1)
        try InteropOutput.save("errors_recovered", bytes: sink.bytes, expected: expected)
    }

    @Test func columnarBatchIsAllOrNothing() throws {
        let schema = try Schema([Column("a", .int16, .required), Column("b", .string)])
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink)
        try writer.appendColumns([
            ColumnData(.int32s([1, 2])), ColumnData(.strings(["x", "y"]), validity: [true, false]),
        ])
        #expect(
            throws: ParquetWriterError.valueOutOfRange(column: "a", row: 3, value: "40000", allowed: "-32768...32767")
        ) {
            try writer.appendColumns([ColumnData(.int32s([3, 40_000])), ColumnData(.strings(["z", "w"]))])
        }
        #expect(throws: ParquetWriterError.batchLengthMismatch(column: "b", expected: 1, got: 2)) {
            try writer.appendColumns([ColumnData(.int32s([3])), ColumnData(.strings(["z", "w"]))])
        }
        #expect(writer.rowCount == 2)
        try writer.close()
        try InteropOutput.save(
            "columnar_batch", bytes: sink.bytes,
            expected: ExpectedFile(
                columns: [
                    (schema.columns[0], [.integer(1), .integer(2)]), (schema.columns[1], [.text("x"), .null]),
                ], rowGroups: 1))
    }

    @Test func sinkFailureIsThrownNotACrash() throws {
        final class FailingSink: ByteSink {
            struct Broken: Error {}
            var writesLeft: Int
            init(writesLeft: Int) { self.writesLeft = writesLeft }
            func write(_ bytes: UnsafeRawBufferPointer) throws {
                guard writesLeft > 0 else { throw Broken() }
                writesLeft -= 1
            }
            func close() throws {}
        }
        var options = WriterOptions()
        options.maxRowGroupRows = 2
        let writer = try ParquetWriter(
            schema: try Schema(Self.columns), sink: FailingSink(writesLeft: 1), options: options)
        try Self.appendGoodRow(writer, id: 0)
        try writer.endRow()
        try Self.appendGoodRow(writer, id: 1)
        #expect(throws: ParquetWriterError.sinkFailed("Broken()")) { try writer.endRow() }
        #expect(throws: ParquetWriterError.writerClosed) { try writer.append(Int64(2)) }
    }

    @Test func invalidSchemasAndOptionsAreRejected() throws {
        #expect(throws: ParquetWriterError.invalidSchema("duplicate column name 'a'")) {
            try Schema([Column("a", .int32), Column("a", .double)])
        }
        #expect(throws: ParquetWriterError.invalidSchema("column 'd': INT32 holds decimal precision up to 9, got 12")) {
            try Schema([Column("d", .decimal(precision: 12, scale: 2, storage: .int32))])
        }
        // ColumnType takes the format's TimeUnit, whose units from a future format are not written.
        let futureUnit = TimeUnit.unrecognized(
            UnrecognizedUnionMember(header: FieldHeader(id: 4, type: .struct), encodedValue: [0]))
        #expect(throws: ParquetWriterError.invalidSchema("column 't': the time unit must be millis, micros or nanos")) {
            try Schema([Column("t", .timestamp(unit: futureUnit, adjustedToUTC: true))])
        }
        var options = WriterOptions()
        options.columnOptions["missing"] = ColumnOptions(encoding: .plain)
        #expect(throws: ParquetWriterError.invalidOption("options given for unknown column 'missing'")) {
            try ParquetWriter(schema: try Schema([Column("a", .int32)]), sink: MemorySink(), options: options)
        }
    }

    @Test func invalidBloomFilterOptionsNameTheColumn() throws {
        let schema = try Schema([Column("a", .int32), Column("flag", .boolean)])
        let cases: [(String, BloomFilterOptions, String)] = [
            (
                "a", BloomFilterOptions(expectedDistinctCount: 0),
                "column 'a': bloom filter expectedDistinctCount must be positive"
            ),
            (
                "a", BloomFilterOptions(expectedDistinctCount: 10, falsePositiveProbability: 0),
                "column 'a': bloom filter falsePositiveProbability 0.0 is outside 0 < p < 1"
            ),
            (
                "a", BloomFilterOptions(expectedDistinctCount: 10, falsePositiveProbability: 1),
                "column 'a': bloom filter falsePositiveProbability 1.0 is outside 0 < p < 1"
            ),
            (
                "flag", BloomFilterOptions(expectedDistinctCount: 10),
                "column 'flag': BOOLEAN columns take no bloom filter"
            ),
        ]
        for (column, bloomFilter, message) in cases {
            var options = WriterOptions()
            options.columnOptions[column] = ColumnOptions(bloomFilter: bloomFilter)
            #expect(throws: ParquetWriterError.invalidOption(message)) {
                try ParquetWriter(schema: schema, sink: MemorySink(), options: options)
            }
        }
    }
}
