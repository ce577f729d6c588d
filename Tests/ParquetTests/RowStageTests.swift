import Foundation
import InteropSupport
import ParquetFormat
import Testing

@testable import Parquet

/// Flat columns' cells wait in the writer's `RowStage` until a block of rows goes to the
/// columns: pages still close on the row that fills them, a rejected row leaves no trace
/// in the block, and byte array cells past their target send the block out early.
@Suite struct RowStageTests {
    /// The first row of each page of every column chunk, from the file's offset indexes.
    static func pageStarts(_ bytes: [UInt8]) throws -> [[Int64]] {
        let metadata = try FooterReader.metadata(of: bytes)
        var starts: [[Int64]] = []
        for (column, _) in metadata.rowGroups[0].columns.enumerated() {
            var columnStarts: [Int64] = []
            var rowBase: Int64 = 0
            for rowGroup in metadata.rowGroups {
                let chunk = rowGroup.columns[column]
                let offset = Int(chunk.offsetIndexOffset!)
                let index = try OffsetIndex.decode(Array(bytes[offset..<(offset + Int(chunk.offsetIndexLength!))]))
                columnStarts += index.pageLocations.map { rowBase + $0.firstRowIndex }
                rowBase += rowGroup.numRows
            }
            starts.append(columnStarts)
        }
        return starts
    }

    /// Where pages of a DOUBLE column start when each row's cell goes straight to the
    /// page, which closes once it holds `rowLimit` rows or `byteLimit` bytes of values
    /// and levels; a flat column stores no levels until its page's first null.
    static func expectedPageStarts(
        rows: Int, isNull: (Int) -> Bool, optional: Bool, rowLimit: Int, byteLimit: Int, rowGroupRows: Int
    ) -> [Int64] {
        var starts: [Int64] = [0]
        var (slots, values, sawNull) = (0, 0, false)
        for row in 0..<rows {
            slots += 1
            if isNull(row) { sawNull = true } else { values += 1 }
            let levels = optional && sawNull ? slots : 0
            let lastOfRowGroup = (row + 1) % rowGroupRows == 0
            if slots >= rowLimit || values * 8 + levels >= byteLimit || lastOfRowGroup, row + 1 < rows {
                starts.append(Int64(row + 1))
                (slots, values, sawNull) = (0, 0, false)
            }
        }
        return starts
    }

    @Test(arguments: [(rowLimit: 20_000, byteLimit: 1_000), (37, 1 << 20), (50, 420)])
    func pagesCloseOnTheRowThatFillsThem(rowLimit: Int, byteLimit: Int) throws {
        let rows = 5_000
        // Nulls only after row 1,000, so that early pages keep their levels deferred.
        let isNull = { (row: Int) in row >= 1_000 && (row % 13 == 0 || (2_000..<2_100).contains(row)) }
        let schema = try Schema([Column("d", .double, .optional), Column("r", .double, .required)])
        var options = WriterOptions()
        options.dataPageRowLimit = rowLimit
        options.dataPageSizeLimit = byteLimit
        options.maxRowGroupRows = 3_000
        options.encoding = .plain
        options.compression = .uncompressed
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
        // Blocks longer than pages, so that pages close inside a block.
        #expect(writer.stage.capacity == 1_024)
        for row in 0..<rows {
            if isNull(row) { try writer.appendNull() } else { try writer.append(Double(row)) }
            try writer.append(Double(-row))
            try writer.endRow()
        }
        try writer.close()
        let starts = try Self.pageStarts(sink.bytes)
        #expect(
            starts[0]
                == Self.expectedPageStarts(
                    rows: rows, isNull: isNull, optional: true, rowLimit: rowLimit, byteLimit: byteLimit,
                    rowGroupRows: 3_000))
        #expect(
            starts[1]
                == Self.expectedPageStarts(
                    rows: rows, isNull: { _ in false }, optional: false, rowLimit: rowLimit, byteLimit: byteLimit,
                    rowGroupRows: 3_000))
        #expect(starts[0].count > 10)
    }

    /// A schema with every kind of staged cell, and a LIST column, which is not staged.
    static let mixedSchema: [Column] = [
        Column("d", .double, .optional), Column("s", .string, .optional), Column("i", .int16, .required),
        Column("b", .boolean, .optional), Column("dec", .decimal(precision: 30, scale: 2), .optional),
        Column("u", .uuid, .optional), Column("h", .float16, .optional), Column("l", .list(element: .int32), .optional),
    ]

    static func appendRow(_ row: Int, to writer: ParquetWriter<MemorySink>) throws {
        if row % 5 == 0 { try writer.appendNull() } else { try writer.append(Double(row) / 3) }
        if row % 7 == 0 {
            try writer.appendNull()
        } else {
            try writer.append("row \(row) " + String(repeating: "é", count: row % 9))
        }
        try writer.append(Int16(truncatingIfNeeded: row))
        if row % 11 == 0 { try writer.appendNull() } else { try writer.append(row % 3 == 0) }
        if row % 4 == 0 { try writer.appendNull() } else { try writer.append(Int64(row) * 1_000_003 - 9_999_999) }
        if row % 6 == 0 { try writer.appendNull() } else { try writer.append(UUID(uuid: uuid(row))) }
        if row % 8 == 0 { try writer.appendNull() } else { try writer.append(Float16(Float(row % 500) / 4)) }
        if row % 9 == 0 {
            try writer.appendNull()
        } else {
            try writer.appendList((0..<(row % 4)).map { Int32(row + $0) })
        }
        try writer.endRow()
    }

    static func uuid(_ row: Int) -> uuid_t {
        let b = (0..<16).map { UInt8(truncatingIfNeeded: row &* 31 &+ $0) }
        return (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])
    }

    /// Rows rejected at every column, and rows dropped with `discardRow()`, some on the
    /// last row of a block, leave the bytes of a file written with the good rows alone.
    @Test func aRejectedRowLeavesNoTraceInTheStagedBlock() throws {
        let schema = try Schema(Self.mixedSchema)
        var options = WriterOptions()
        options.dataPageSizeLimit = 700
        options.rowGroupTargetBytes = 40_000
        let reference = MemorySink()
        let clean = try ParquetWriter(schema: schema, sink: reference, options: options)
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
        let capacity = writer.stage.capacity
        var rejected = 0
        for row in 0..<3_000 {
            try Self.appendRow(row, to: clean)
            // Before some good rows, a bad one: its cells up to `failing` staged, then refused.
            if row % 17 == 0 || writer.stagedRows == capacity - 1 {
                let failing = row % Self.mixedSchema.count
                do {
                    try Self.appendBadRow(row, failingAt: failing, to: writer)
                    Issue.record("row \(row) failing at column \(failing) was accepted")
                } catch {
                    rejected += 1
                }
            }
            if row % 23 == 0 {
                try writer.append(1.5)
                try writer.append("dropped")
                writer.discardRow()
            }
            try Self.appendRow(row, to: writer)
        }
        #expect(rejected > 150)
        #expect(writer.rowCount == 3_000)
        try clean.close()
        try writer.close()
        #expect(try FooterReader.metadata(of: sink.bytes).rowGroups.count > 1)
        let identical = sink.bytes.elementsEqual(reference.bytes)
        #expect(identical)
    }

    /// Appends the cells of row `row` up to column `failing`, whose cell is one the column refuses.
    static func appendBadRow(_ row: Int, failingAt failing: Int, to writer: ParquetWriter<MemorySink>) throws {
        let good = { (column: Int) throws in
            switch column {
            case 0: try writer.append(-1.0)
            case 1: try writer.append("staged then rolled back, é")
            case 2: try writer.append(Int16(7))
            case 3: try writer.appendNull()
            case 4: try writer.append(Int64(12_345))
            case 5: try writer.append(UUID(uuid: uuid(row + 1)))
            case 6: try writer.appendNull()
            default: try writer.appendList([Int32(1), 2, 3])
            }
        }
        for column in 0..<failing { try good(column) }
        switch failing {
        case 0: try writer.append("text for a double")
        case 1: try writer.append(bytes: [0xC3, 0x28])
        case 2: try writer.append(Int32(70_000))
        case 3: try writer.append(2.5)
        case 4: try writer.append(bytes: [1, 2, 3])
        case 5: try writer.append(Int64(1))
        case 6: try writer.append("not a half")
        default: try writer.append(1.0)
        }
    }

    /// Long strings send the staged rows to the columns before the block is full, and the
    /// file reads back with every value.
    @Test func byteArrayCellsPastTheirTargetSendTheBlockOutEarly() throws {
        let schema = try Schema([Column("id", .int64, .required), Column("text", .string, .optional)])
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink)
        #expect(writer.stage.capacity == 1_024)
        let length = 10_000
        let perBlock = (WriterMemoryPlan.stagedByteArrayTarget + length - 1) / length
        var values: [ExpectedValue] = []
        for row in 0..<(3 * perBlock + 2) {
            try writer.append(Int64(row))
            if row % 4 == 3 {
                try writer.appendNull()
                values.append(.null)
            } else {
                let text = String(repeating: Character(UnicodeScalar(UInt8(97 + row % 26))), count: length)
                try writer.append(text)
                values.append(.text(text))
            }
            try writer.endRow()
            #expect(writer.stage.arenaByteCount < WriterMemoryPlan.stagedByteArrayTarget)
        }
        #expect(writer.stagedRows < perBlock)
        try writer.close()
        let rows = values.count
        let expected = ExpectedFile(
            columns: [(schema.columns[0], (0..<rows).map { .integer(Int128($0)) }), (schema.columns[1], values)])
        try InteropOutput.save("row_stage_long_strings", bytes: sink.bytes, expected: expected)
    }

    /// The block fits the stage's byte target, in rows that are a multiple of 8.
    @Test func theBlockHoldsAsManyRowsAsFitTheTarget() throws {
        let wide = try Schema((0..<500).map { Column("d\($0)", .double, .optional) })
        let plan = try ParquetWriter(schema: wide, sink: MemorySink()).memoryPlan
        #expect(plan.stagedRowCapacity % 8 == 0)
        #expect(plan.stagedRowCapacity * 500 * 8 <= WriterMemoryPlan.stageByteTarget)
        #expect((plan.stagedRowCapacity + 8) * 500 * 8 > WriterMemoryPlan.stageByteTarget - 500 * 8 * 8)
        let lists = try Schema([Column("l", .list(element: .double), .optional)])
        #expect(try ParquetWriter(schema: lists, sink: MemorySink()).stage.offsetRegions == [nil])
    }

    /// A row reads every column's slot: 16 bytes each keeps 991 of them in 16 KB.
    @Test func aCellSlotTakesSixteenBytes() throws {
        #expect(MemoryLayout<CellSlot>.stride == 16)
        let writer = try ParquetWriter(schema: try Schema(Self.mixedSchema), sink: MemorySink())
        #expect(writer.slots.map(\.listDepth) == [0, 0, 0, 0, 0, 0, 0, 1])
        #expect(writer.slots.map(\.isStaged) == [true, true, true, true, true, true, true, false])
    }

    /// A row's cells lie widest first, so that each is aligned, in a row padded to 8 bytes.
    @Test func aRowsCellsLieWidestFirst() {
        let stage = RowStage(
            kinds: [.boolean, .double, nil, .byteArray, .float16, .int64, .float], capacity: 8, arenaByteLimit: 1 << 10)
        #expect(stage.cellOffsets == [26, 0, nil, 16, 24, 8, 20])
        #expect(stage.rowStride == 32)
        // Rows, a validity stride per column, and a byte array column's end offsets.
        #expect(RowStage.byteCount(kinds: [.double, nil], capacity: 8) == 8 * 8 + 8 * 2)
        #expect(RowStage.byteCount(kinds: [.double, .byteArray], capacity: 8) == 8 * 16 + 8 * 2 + 40)
    }

    /// Handing a block to the flusher moves its values, nulls and bytes to the flusher's
    /// stage and leaves the appending thread's stage empty for the next block; the
    /// flusher's stage then gives each column's cells where they lie, and a byte array
    /// column's as a batch's column.
    @Test func movingABlockLeavesTheSourceEmpty() {
        let kinds: [PhysicalSlotKind?] = [.double, .byteArray, .boolean]
        let source = RowStage(kinds: kinds, capacity: 16, arenaByteLimit: 1 << 10)
        let target = RowStage(kinds: kinds, capacity: 16, arenaByteLimit: 1 << 10)
        func cell(_ column: Int, _ row: Int) -> Int { row * source.rowStride + source.cellOffsets[column]! }
        for row in 0..<16 {
            source.rowCells.storeBytes(of: Double(row), toByteOffset: cell(0, row), as: Double.self)
            // A rolled-back cell gives back its bytes: the block's first row's and a later one's.
            if row == 0 || row == 7 {
                Array("gone".utf8).withUnsafeBytes { source.storeBytes($0, column: 1, row: row) }
                source.removeCell(column: 1, row: row)
            }
            if row % 3 == 0 {
                source.setNull(column: 1, row: row)
            } else {
                Array("r\(row)".utf8).withUnsafeBytes { source.storeBytes($0, column: 1, row: row) }
            }
            source.rowCells.storeBytes(of: row % 5 == 0, toByteOffset: cell(2, row), as: Bool.self)
        }
        let arenaBytes = source.arenaByteCount
        source.moveContents(to: target, rows: 16)
        target.gatherByteArrayEnds(rows: 16)

        #expect(source.arenaByteCount == 0)
        for column in [0, 2] { #expect(source.cells(ofColumn: column).validity == nil) }
        #expect(source.byteArrays(ofColumn: 1, rows: 16).validity == nil)
        #expect(target.arenaByteCount == arenaBytes)
        let doubles = target.cells(ofColumn: 0)
        #expect(doubles.stride == target.rowStride && doubles.validity == nil)
        #expect(
            (0..<16).map { doubles.first.load(fromByteOffset: $0 * doubles.stride, as: Double.self) }
                == (0..<16).map(Double.init))
        let strings = target.byteArrays(ofColumn: 1, rows: 16)
        guard case .byteArrays(let bytes, let offsets) = strings.values, let bits = strings.validity else {
            Issue.record("not byte arrays with nulls")
            return
        }
        let validity = ValidityBits(bytes: bits)
        for row in 0..<16 {
            let text = String(decoding: bytes[Int(offsets[row])..<Int(offsets[row + 1])], as: UTF8.self)
            #expect(validity[row] == (row % 3 != 0))
            #expect(text == (row % 3 == 0 ? "" : "r\(row)"))
        }
        let flags = target.cells(ofColumn: 2)
        #expect(
            (0..<16).map { flags.first.load(fromByteOffset: $0 * flags.stride, as: Bool.self) }
                == (0..<16).map { $0 % 5 == 0 })
    }
}
