import Foundation
import InteropSupport
import ParquetFormat
import Testing

@testable import Parquet

/// `appendColumns(_: [ColumnBuffers])`: a batch writes the same bytes as the same rows
/// appended one by one, whatever the options, and a batch with a bad value is refused
/// whole, naming the column and row, with the writer going on.
@Suite struct ColumnarBatchTests {
    static let rows = 2_500
    /// Batch sizes, in order, covering single rows and batches longer than pages and row groups.
    static let batchSizes = [1, 2, 997, 64, 1, 1_200]

    /// Every flat type, OPTIONAL with nulls in short and long runs, and REQUIRED.
    static var testColumns: [TestColumn] {
        let optional = TestColumn.everyType(.optional)
        let required = TestColumn.everyType(.required).map {
            TestColumn("r_" + $0.column.name, $0.column.type, .required, edges: $0.edges, formula: $0.formula)
        }
        return optional + required
    }

    static func isNull(_ test: TestColumn, column: Int, row: Int) -> Bool {
        guard test.column.repetition == .optional else { return false }
        if column % 4 == 1, (300..<700).contains(row) { return true }
        return (row &* 7 &+ column) % 11 < 2
    }

    static func options(_ name: String, schema: Schema) -> WriterOptions {
        var options = WriterOptions()
        switch name {
        case "defaults":
            break
        case "small pages, v2, plain, gzip":
            options.dataPageRowLimit = 37
            options.dataPageSizeLimit = 300
            options.maxRowGroupRows = 700
            options.dataPageVersion = .v2
            options.encoding = .plain
            options.compression = .gzip(level: 6)
        case "small row-group target, dictionary, checksums, bloom filter":
            options.rowGroupTargetBytes = 30_000
            options.dataPageSizeLimit = 2_000
            options.dictionaryPageSizeLimit = 400
            options.writesPageChecksums = true
            options.columnOptions["s"] = ColumnOptions(
                bloomFilter: BloomFilterOptions(expectedDistinctCount: 1_000))
            options.columnOptions["bin"] = ColumnOptions(dictionaryFallbackEncoding: .deltaLengthByteArray)
            options.columnOptions["i64"] = ColumnOptions(encoding: .deltaBinaryPacked)
            options.columnOptions["f64"] = ColumnOptions(encoding: .byteStreamSplit)
        case "memory limit so small that pages spill":
            options.compression = .uncompressed
            options.maxRowGroupRows = 1_800
            options.memoryLimit = MemoryBudgetTests.minimumLimit(schema, options)
        default:
            preconditionFailure("unknown option set \(name)")
        }
        return options
    }

    static func writeRowByRow(_ schema: Schema, _ options: WriterOptions) throws -> (bytes: [UInt8], spilled: Int64) {
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
        // A flat schema moves its staged blocks on a thread of its own when threads are asked for.
        #expect((writer.flusher != nil) == (options.encodingThreadCount > 1))
        let columns = testColumns
        for row in 0..<rows {
            for (index, column) in columns.enumerated() {
                if isNull(column, column: index, row: row) {
                    try writer.appendNull()
                } else {
                    try column.cell(row: row).append(to: writer)
                }
            }
            try writer.endRow()
        }
        let spilled = writer.totalBytesSpilled
        try writer.close()
        return (sink.bytes, spilled)
    }

    static func writeInBatches(_ schema: Schema, _ options: WriterOptions) throws -> (bytes: [UInt8], spilled: Int64) {
        let storage = TestBuffers()
        let sources = testColumns.enumerated().map { index, column in
            storage.source(column, rows: rows) { isNull(column, column: index, row: $0) }
        }
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
        var start = 0
        for size in batchSizes + [rows] where start < rows {
            let batch = start..<min(rows, start + size)
            try writer.appendColumns(sources.map { $0.buffers(batch, storage: storage) })
            start = batch.upperBound
        }
        #expect(writer.rowCount == rows)
        let spilled = writer.totalBytesSpilled
        try writer.close()
        return (sink.bytes, spilled)
    }

    @Test(arguments: [
        "defaults", "small pages, v2, plain, gzip", "small row-group target, dictionary, checksums, bloom filter",
        "memory limit so small that pages spill",
    ])
    func aBatchWritesTheBytesOfTheSameRowsAppendedOneByOne(optionSet: String) throws {
        let schema = try Schema(Self.testColumns.map(\.column))
        let options = Self.options(optionSet, schema: schema)
        let rowByRow = try Self.writeRowByRow(schema, options)
        let batched = try Self.writeInBatches(schema, options)
        #expect(batched.bytes.count == rowByRow.bytes.count)
        #expect(batched.bytes == rowByRow.bytes)
        // Columns take their pages in a different order, so the spills come at other times.
        #expect((batched.spilled > 0) == (rowByRow.spilled > 0))
        let metadata = try FooterReader.metadata(of: batched.bytes)
        #expect(metadata.numRows == Int64(Self.rows))
        switch optionSet {
        case "small pages, v2, plain, gzip":
            #expect(metadata.rowGroups.count == 4)
        case "small row-group target, dictionary, checksums, bloom filter":
            #expect(metadata.rowGroups.count > 2)
        case "memory limit so small that pages spill":
            #expect(batched.spilled > 0)
        default:
            break
        }
        guard optionSet == "small pages, v2, plain, gzip" else { return }
        let expected = ExpectedFile(
            columns: Self.testColumns.enumerated().map { index, column in
                (
                    column.column,
                    (0..<Self.rows).map { row in
                        Self.isNull(column, column: index, row: row)
                            ? .null : column.cell(row: row).expected(for: column.column.type)
                    }
                )
            },
            rowGroups: 4)
        try InteropOutput.save("columnar_batch_every_type", bytes: batched.bytes, expected: expected)
    }

    /// A batch mixed with row appends: each goes on where the other stopped.
    @Test func batchesAndRowAppendsInterleave() throws {
        let schema = try Schema(Self.testColumns.map(\.column))
        var options = WriterOptions()
        options.dataPageRowLimit = 50
        options.maxRowGroupRows = 333
        let reference = try Self.writeRowByRow(schema, options)
        let storage = TestBuffers()
        let columns = Self.testColumns
        let sources = columns.enumerated().map { index, column in
            storage.source(column, rows: Self.rows) { Self.isNull(column, column: index, row: $0) }
        }
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
        var row = 0
        while row < Self.rows {
            if row % 400 < 200 {
                let batch = row..<min(Self.rows, row + 123)
                try writer.appendColumns(sources.map { $0.buffers(batch, storage: storage) })
                row = batch.upperBound
            } else {
                for (index, column) in columns.enumerated() {
                    if Self.isNull(column, column: index, row: row) {
                        try writer.appendNull()
                    } else {
                        try column.cell(row: row).append(to: writer)
                    }
                }
                try writer.endRow()
                row += 1
            }
        }
        try writer.close()
        #expect(sink.bytes == reference.bytes)
    }

    // MARK: Refused batches

    static let refusalSchema = [
        Column("id", .int64, .required), Column("small", .int8), Column("u16", .uint16, .required),
        Column("price", .decimal(precision: 5, scale: 2)), Column("name", .string), Column("key", .uuid),
        Column("flux", .double), Column("tags", .list(element: .string)),
    ]

    /// One column of a well-formed batch of `rows` rows starting at `first`.
    static func goodColumn(_ index: Int, first: Int, rows: Int, storage: TestBuffers) -> ColumnBuffers {
        let range = first..<(first + rows)
        switch index {
        case 0: return ColumnBuffers(.int64s(storage.copy(range.map { Int64($0) })))
        case 1:
            return ColumnBuffers(
                .int32s(storage.copy(range.map { Int32($0 % 100) })),
                validity: storage.bitmap(range.map { $0 % 3 != 0 }))
        case 2: return ColumnBuffers(.uint32s(storage.copy(range.map { UInt32($0 * 7 % 65_536) })))
        case 3: return ColumnBuffers(.int64s(storage.copy(range.map { Int64($0 * 101 % 99_999) })))
        case 4: return storage.byteArrays(range.map { Array("name \($0) é".utf8) }, valid: range.map { $0 % 5 != 1 })
        case 5: return storage.byteArrays(range.map { row in (0..<16).map { UInt8((row + $0) % 256) } }, valid: nil)
        case 6: return ColumnBuffers(.doubles(storage.copy(range.map { Double($0) * 0.5 })))
        default: preconditionFailure("no such column")
        }
    }

    /// A flat copy of `refusalSchema` without its LIST column, for the good batches.
    static let flatRefusalSchema = Array(refusalSchema.prefix(7))

    static func goodBatch(first: Int, rows: Int, storage: TestBuffers) -> [ColumnBuffers] {
        (0..<7).map { goodColumn($0, first: first, rows: rows, storage: storage) }
    }

    /// Each bad batch (of 10 rows, appended after 10 good rows) and the error it must get.
    static func badBatches(_ storage: TestBuffers) -> [(String, [ColumnBuffers], ParquetWriterError)] {
        func replacing(_ index: Int, with column: ColumnBuffers) -> [ColumnBuffers] {
            var batch = goodBatch(first: 10, rows: 10, storage: storage)
            batch[index] = column
            return batch
        }
        let names = (10..<20).map { Array("n\($0)".utf8) }
        var badUTF8 = names
        badUTF8[6] = [0x6E, 0xC3, 0x28]
        var hiddenByNull = names
        hiddenByNull[2] = [0xFF]
        var shortKey = (0..<10).map { _ in [UInt8](repeating: 1, count: 16) }
        shortKey[8] = [1, 2, 3]
        let stringOffsets = storage.copy([Int32](repeating: 0, count: 11))
        let emptyBytes = UnsafeRawBufferPointer(storage.copy([UInt8](repeating: 0x41, count: 4)))
        var decreasing = (0...10).map { Int32($0) }
        decreasing[4] = 1
        var nullIDs = [Bool](repeating: true, count: 10)
        nullIDs[7] = false
        let decimals = storage.copy((0..<10).map { $0 == 3 ? Int64(100_000) : Int64($0) })
        return [
            (
                "type", replacing(6, with: ColumnBuffers(.floats(storage.copy([Float](repeating: 1, count: 10))))),
                .typeMismatch(column: "flux", row: 10, expected: "double", got: "Float")
            ),
            (
                "int8 range",
                replacing(1, with: ColumnBuffers(.int32s(storage.copy((0..<10).map { $0 == 4 ? 128 : Int32($0) })))),
                .valueOutOfRange(column: "small", row: 14, value: "128", allowed: "-128...127")
            ),
            (
                "uint16 range",
                replacing(2, with: ColumnBuffers(.int64s(storage.copy((0..<10).map { $0 == 9 ? -1 : Int64($0) })))),
                .valueOutOfRange(column: "u16", row: 19, value: "-1", allowed: "0...65535")
            ),
            (
                "decimal precision", replacing(3, with: ColumnBuffers(.int64s(decimals))),
                .valueOutOfRange(column: "price", row: 13, value: "100000", allowed: "-99999...99999")
            ),
            (
                "uint64 into INT64",
                replacing(
                    0, with: ColumnBuffers(.uint64s(storage.copy((0..<10).map { $0 == 2 ? UInt64.max : UInt64($0) })))),
                .valueOutOfRange(column: "id", row: 12, value: "\(UInt64.max)", allowed: "\(Int64.min)...\(Int64.max)")
            ),
            (
                "null in REQUIRED",
                replacing(
                    0,
                    with: ColumnBuffers(
                        .int64s(storage.copy([Int64](repeating: 1, count: 10))), validity: storage.bitmap(nullIDs))),
                .nullInRequiredColumn(column: "id", row: 17)
            ),
            (
                "UTF-8", replacing(4, with: storage.byteArrays(badUTF8, valid: nil)),
                .invalidUTF8(column: "name", row: 16)
            ),
            (
                "fixed length", replacing(5, with: storage.byteArrays(shortKey, valid: nil)),
                .wrongFixedLength(column: "key", row: 18, expected: 16, got: 3)
            ),
            (
                "decreasing offsets",
                replacing(4, with: ColumnBuffers(.byteArrays(bytes: emptyBytes, offsets: storage.copy(decreasing)))),
                .invalidOffsets(column: "name", row: 13)
            ),
            (
                "offsets past the bytes",
                replacing(
                    4,
                    with: ColumnBuffers(
                        .byteArrays(bytes: emptyBytes, offsets: storage.copy((0...10).map { Int32($0) })))),
                .invalidOffsets(column: "name", row: 14)
            ),
            (
                "short column", replacing(6, with: ColumnBuffers(.doubles(storage.copy([1.0, 2.0])))),
                .batchLengthMismatch(column: "flux", expected: 10, got: 2)
            ),
            (
                "short offsets",
                replacing(
                    4,
                    with: ColumnBuffers(
                        .byteArrays(bytes: emptyBytes, offsets: UnsafeBufferPointer(rebasing: stringOffsets[0..<5])))),
                .batchLengthMismatch(column: "name", expected: 10, got: 4)
            ),
            (
                "short bitmap",
                replacing(
                    6,
                    with: ColumnBuffers(
                        .doubles(storage.copy([Double](repeating: 1, count: 10))), validity: storage.bitmap([true]))),
                .batchLengthMismatch(column: "flux", expected: 10, got: 8)
            ),
            (
                "missing column", Array(goodBatch(first: 10, rows: 10, storage: storage).prefix(5)),
                .missingCell(column: "key", row: 10)
            ),
            (
                "extra column",
                goodBatch(first: 10, rows: 10, storage: storage) + [
                    goodColumn(6, first: 10, rows: 10, storage: storage)
                ],
                .extraCell(row: 10, columnCount: 7)
            ),
            // The same bytes at a null row are not looked at.
            (
                "invalid bytes at a null row are ignored",
                replacing(4, with: storage.byteArrays(hiddenByNull, valid: (0..<10).map { $0 != 2 })), .writerClosed
            ),
        ]
    }

    @Test func aRefusedBatchAppendsNothingAndTheWriterGoesOn() throws {
        let storage = TestBuffers()
        let schema = try Schema(Self.flatRefusalSchema)
        var options = WriterOptions()
        options.dataPageRowLimit = 4
        let reference = MemorySink()
        let referenceWriter = try ParquetWriter(schema: schema, sink: reference, options: options)
        try referenceWriter.appendColumns(Self.goodBatch(first: 0, rows: 10, storage: storage))
        try referenceWriter.appendColumns(Self.goodBatch(first: 10, rows: 10, storage: storage))
        try referenceWriter.close()

        for (name, batch, error) in Self.badBatches(storage) {
            let sink = MemorySink()
            let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
            try writer.appendColumns(Self.goodBatch(first: 0, rows: 10, storage: storage))
            if error == .writerClosed {
                // Marks a batch that must be accepted.
                try writer.appendColumns(batch)
                try writer.close()
                #expect(sink.bytes != reference.bytes, "\(name)")
                #expect(try FooterReader.metadata(of: sink.bytes).numRows == 20, "\(name)")
                continue
            }
            #expect(throws: error, "\(name)") { try writer.appendColumns(batch) }
            #expect(writer.rowCount == 10, "\(name)")
            try writer.appendColumns(Self.goodBatch(first: 10, rows: 10, storage: storage))
            try writer.close()
            #expect(sink.bytes == reference.bytes, "\(name): the refused batch left something behind")
            #expect(throws: ParquetWriterError.writerClosed) { try writer.appendColumns(batch) }
        }
        let expected = ExpectedFile(
            columns: [
                (Self.flatRefusalSchema[0], (0..<20).map { .integer(Int128($0)) }),
                (Self.flatRefusalSchema[1], (0..<20).map { $0 % 3 != 0 ? .integer(Int128($0 % 100)) : .null }),
                (Self.flatRefusalSchema[2], (0..<20).map { .integer(Int128($0 * 7 % 65_536)) }),
                (
                    Self.flatRefusalSchema[3],
                    (0..<20).map { .decimal(ExpectedValue.decimalText(Int128($0 * 101 % 99_999), scale: 2)) }
                ),
                (Self.flatRefusalSchema[4], (0..<20).map { $0 % 5 != 1 ? .text("name \($0) é") : .null }),
                (
                    Self.flatRefusalSchema[5],
                    (0..<20).map { row in .uuid(UUID(uuid: Self.uuidTuple((0..<16).map { UInt8((row + $0) % 256) }))) }
                ),
                (Self.flatRefusalSchema[6], (0..<20).map { .real(Double($0) * 0.5) }),
            ], rowGroups: 1)
        try InteropOutput.save("columnar_batch_after_refusals", bytes: reference.bytes, expected: expected)
    }

    static func uuidTuple(_ b: [UInt8]) -> uuid_t {
        (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])
    }

    @Test func aListColumnIsRefusedByName() throws {
        let storage = TestBuffers()
        let writer = try ParquetWriter(schema: try Schema(Self.refusalSchema), sink: MemorySink())
        var batch = Self.goodBatch(first: 0, rows: 3, storage: storage)
        batch.append(storage.byteArrays([[1], [2], [3]], valid: nil))
        #expect(
            throws: ParquetWriterError.typeMismatch(column: "tags", row: 0, expected: "list of string", got: "bytes")
        ) {
            try writer.appendColumns(batch)
        }
        #expect(writer.rowCount == 0)
    }

    @Test func anEmptyBatchAppendsNothing() throws {
        let storage = TestBuffers()
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: try Schema(Self.flatRefusalSchema), sink: sink)
        try writer.appendColumns(Self.goodBatch(first: 0, rows: 0, storage: storage))
        #expect(writer.rowCount == 0)
        try writer.close()
    }

    /// The example of README.md, "Using the library", as it is written there.
    @Test func theReadmeExampleWritesItsRows() throws {
        let schema = try Schema([
            Column("objectId", .int64, .required),
            Column("ra", .double),
            Column("band", .string),
        ])
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink)
        let ids: [Int64] = [1, 2, 3]
        let ra: [Double] = [53.1, 53.2, 0]
        let valid: [UInt8] = [0b011]  // row 2 has no ra
        let bands = Array("rgi".utf8)
        let offsets: [Int32] = [0, 1, 2, 3]
        try ids.withUnsafeBufferPointer { ids in
            try ra.withUnsafeBufferPointer { ra in
                try valid.withUnsafeBytes { valid in
                    try bands.withUnsafeBytes { bands in
                        try offsets.withUnsafeBufferPointer { offsets in
                            try writer.appendColumns([
                                ColumnBuffers(.int64s(ids)), ColumnBuffers(.doubles(ra), validity: valid),
                                ColumnBuffers(.byteArrays(bytes: bands, offsets: offsets)),
                            ])
                        }
                    }
                }
            }
        }
        let metadata = try writer.close()
        #expect(metadata.numRows == 3 && metadata.rowGroups.count == 1)
        let chunks = try #require(metadata.rowGroups.first?.columns.map { $0.metaData })
        #expect(chunks.map { $0?.numValues } == [3, 3, 3])
        // Row 2 has no ra; its min and max are of the two others.
        let raStatistics = try #require(chunks[1]?.statistics)
        #expect(raStatistics.nullCount == 1)
        #expect(raStatistics.minValue == withUnsafeBytes(of: (53.1).bitPattern.littleEndian) { Array($0) })
        #expect(raStatistics.maxValue == withUnsafeBytes(of: (53.2).bitPattern.littleEndian) { Array($0) })
        let bandStatistics = try #require(chunks[2]?.statistics)
        #expect(bandStatistics.minValue == Array("g".utf8) && bandStatistics.maxValue == Array("r".utf8))
        try InteropOutput.save(
            "columnar_batch_readme", bytes: sink.bytes,
            expected: ExpectedFile(
                columns: [
                    (schema.columns[0], [.integer(1), .integer(2), .integer(3)]),
                    (schema.columns[1], [.real(53.1), .real(53.2), .null]),
                    (schema.columns[2], [.text("r"), .text("g"), .text("i")]),
                ], rowGroups: 1))
    }

    /// `ColumnData` goes through the same path, so it writes the same bytes as row appends.
    @Test func columnDataWritesTheBytesOfRowAppends() throws {
        let schema = try Schema([
            Column("i8", .int8), Column("big", .decimal(precision: 30, scale: 2)), Column("s", .string),
            Column("b", .binary, .required), Column("flag", .boolean), Column("x", .double, .required),
        ])
        var options = WriterOptions()
        options.dataPageRowLimit = 7
        options.maxRowGroupRows = 40
        let rows = 100
        let valid = (0..<rows).map { $0 % 4 != 2 }
        let rowSink = MemorySink()
        let rowWriter = try ParquetWriter(schema: schema, sink: rowSink, options: options)
        for row in 0..<rows {
            if valid[row] { try rowWriter.append(Int32(row % 100 - 50)) } else { try rowWriter.appendNull() }
            if valid[row] { try rowWriter.append(Int64(row) * -1_000_003) } else { try rowWriter.appendNull() }
            if valid[row] { try rowWriter.append("row \(row) ✓") } else { try rowWriter.appendNull() }
            try rowWriter.append(bytes: [UInt8(row), 0, 1])
            if valid[row] { try rowWriter.append(row % 3 == 0) } else { try rowWriter.appendNull() }
            try rowWriter.append(Double(row) / 3)
            try rowWriter.endRow()
        }
        try rowWriter.close()

        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
        for batch in [0..<1, 1..<58, 58..<100] {
            try writer.appendColumns([
                ColumnData(.int32s(batch.map { Int32($0 % 100 - 50) }), validity: Array(valid[batch])),
                ColumnData(.int64s(batch.map { Int64($0) * -1_000_003 }), validity: Array(valid[batch])),
                ColumnData(.strings(batch.map { "row \($0) ✓" }), validity: Array(valid[batch])),
                ColumnData(.byteArrays(batch.map { [UInt8($0), 0, 1] })),
                ColumnData(.booleans(batch.map { $0 % 3 == 0 }), validity: Array(valid[batch])),
                ColumnData(.doubles(batch.map { Double($0) / 3 })),
            ])
        }
        try writer.close()
        #expect(sink.bytes == rowSink.bytes)
    }
}

/// Buffers for `ColumnBuffers` in tests, freed with this object.
final class TestBuffers {
    private var allocations: [UnsafeMutableRawBufferPointer] = []

    deinit {
        for allocation in allocations { allocation.deallocate() }
    }

    func copy<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, array.count))
        _ = buffer.initialize(from: array)
        allocations.append(UnsafeMutableRawBufferPointer(buffer))
        return UnsafeBufferPointer(rebasing: buffer[0..<array.count])
    }

    /// An Arrow validity bitmap of `valid`.
    func bitmap(_ valid: [Bool]) -> UnsafeRawBufferPointer {
        var bytes = [UInt8](repeating: 0, count: (valid.count + 7) / 8)
        for (row, isValid) in valid.enumerated() where isValid { bytes[row / 8] |= 1 << (row % 8) }
        return UnsafeRawBufferPointer(copy(bytes))
    }

    /// Byte strings back to back with their offsets; null rows get an empty range.
    func byteArrays(_ values: [[UInt8]], valid: [Bool]?) -> ColumnBuffers {
        var bytes: [UInt8] = []
        var offsets: [Int32] = [0]
        for (row, value) in values.enumerated() {
            if valid?[row] ?? true { bytes += value }
            offsets.append(Int32(bytes.count))
        }
        return ColumnBuffers(
            .byteArrays(bytes: UnsafeRawBufferPointer(copy(bytes)), offsets: copy(offsets)),
            validity: valid.map(bitmap))
    }

    /// A whole test column as buffers, of the kind its type takes from a columnar source.
    func source(_ test: TestColumn, rows: Int, isNull: (Int) -> Bool) -> BatchSource {
        let valid = (0..<rows).map { !isNull($0) }
        let cells = (0..<rows).map { valid[$0] ? test.cell(row: $0) : nil }
        func integers<Value: FixedWidthInteger>(_: Value.Type) -> [Value] {
            cells.map { cell in
                switch cell {
                case .int(let value): Value(truncatingIfNeeded: value)
                case .uint(let value): Value(truncatingIfNeeded: value)
                default: 0
                }
            }
        }
        let values: ColumnBuffers.Values
        switch test.column.type {
        case .boolean:
            values = .booleans(copy(cells.map { if case .bool(let value) = $0 { value } else { false } }))
        case .int8, .int16, .int32, .uint8, .uint16, .date, .time(unit: .millis, _):
            values = .int32s(copy(integers(Int32.self)))
        case .uint32:
            values = .uint32s(copy(integers(UInt32.self)))
        case .uint64:
            values = .uint64s(copy(integers(UInt64.self)))
        case .decimal(let precision, _, let storage) where precision <= 18 || storage != .automatic:
            // Narrowed from Int64 for INT32 storage; big-endian bytes for FIXED_LEN_BYTE_ARRAY.
            values = .int64s(copy(integers(Int64.self)))
        case .int64, .time, .timestamp:
            values = .int64s(copy(integers(Int64.self)))
        case .float:
            values = .floats(copy(cells.map { if case .float(let value) = $0 { value } else { 0 } }))
        case .double:
            values = .doubles(copy(cells.map { if case .double(let value) = $0 { value } else { 0 } }))
        case .float16:
            values = .float16s(copy(cells.map { if case .half(let value) = $0 { value } else { 0 } }))
        default:
            let typeLength = if case .decimal = test.column.type { 13 } else { 0 }
            let strings: [[UInt8]] = cells.map { cell in
                switch cell {
                case .string(let value): Array(value.utf8)
                case .bytes(let value), .wideDecimal(let value, _): value
                case .uuid(let value): withUnsafeBytes(of: value.uuid) { Array($0) }
                case .int(let value): withUnsafeBytes(of: Int128(value).bigEndian) { Array($0.suffix(typeLength)) }
                default: []
                }
            }
            return BatchSource(
                values: byteArrays(strings, valid: nil).values, valid: test.column.repetition == .optional ? valid : nil
            )
        }
        return BatchSource(values: values, valid: test.column.repetition == .optional ? valid : nil)
    }
}

/// A whole column of test data, cut into batches.
struct BatchSource {
    let values: ColumnBuffers.Values
    let valid: [Bool]?

    func buffers(_ rows: Range<Int>, storage: TestBuffers) -> ColumnBuffers {
        let sliced: ColumnBuffers.Values =
            switch values {
            case .booleans(let values): .booleans(UnsafeBufferPointer(rebasing: values[rows]))
            case .int32s(let values): .int32s(UnsafeBufferPointer(rebasing: values[rows]))
            case .int64s(let values): .int64s(UnsafeBufferPointer(rebasing: values[rows]))
            case .uint32s(let values): .uint32s(UnsafeBufferPointer(rebasing: values[rows]))
            case .uint64s(let values): .uint64s(UnsafeBufferPointer(rebasing: values[rows]))
            case .floats(let values): .floats(UnsafeBufferPointer(rebasing: values[rows]))
            case .doubles(let values): .doubles(UnsafeBufferPointer(rebasing: values[rows]))
            case .float16s(let values): .float16s(UnsafeBufferPointer(rebasing: values[rows]))
            // Offsets that do not start at 0, as in a slice of an Arrow array.
            case .byteArrays(let bytes, let offsets):
                .byteArrays(
                    bytes: bytes, offsets: UnsafeBufferPointer(rebasing: offsets[rows.lowerBound...rows.upperBound]))
            }
        return ColumnBuffers(sliced, validity: valid.map { storage.bitmap(Array($0[rows])) })
    }
}
