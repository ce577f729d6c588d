/// The flat columns' cells of the last few rows, kept column by column until a block of
/// rows goes to the column writers at once.
///
/// Appending a cell straight to its column's open page touches that column's writer and
/// page buffers: with hundreds of columns, a row touches thousands of cache lines and
/// memory pages, and the cell costs a cache and TLB miss or two. Here a cell is one store
/// into a region of a few hundred KiB that stays in cache; a block then moves to the
/// columns' pages as `ParquetWriter.appendColumns` moves a columnar batch, one column at
/// a time, with pages closing on the same rows as if each cell had gone straight in.
///
/// LIST columns are not staged: their cells go to their writers as they come.
final class RowStage {
    /// Rows a block holds: a multiple of 8, so every column's validity bits start on a byte.
    let capacity: Int
    /// Each column's value region (`capacity` values of its staged type, or for a byte
    /// array column `capacity + 1` end offsets), or nil for a LIST column.
    let valueRegions: [UnsafeMutableRawPointer?]
    private let storage: UnsafeMutableRawPointer
    private var storageByteCount: Int
    /// Whether `releaseStorage()` gave the storage back.
    private var isReleased = false
    private let validity: UnsafeMutableRawPointer
    private let validityStride: Int
    /// Columns with a null in the current block, whose validity bits are not all set.
    @exclusivity(unchecked) private var nullColumns: [Int] = []
    @exclusivity(unchecked) private var hasNulls: [Bool]
    /// The bytes of byte array columns' cells, by `arenaIndex`.
    @exclusivity(unchecked) private var arenas: [PageBuffer<UInt8>]
    private let arenaIndex: [Int]
    /// The arenas' bytes: a block goes out early once they pass `arenaByteLimit`.
    @exclusivity(unchecked) private(set) var arenaByteCount = 0
    let arenaByteLimit: Int

    /// Lays out a block of `capacity` rows for `kinds` (nil for a LIST column).
    init(kinds: [PhysicalSlotKind?], capacity: Int, arenaByteLimit: Int) {
        precondition(capacity > 0 && capacity % 8 == 0)
        self.capacity = capacity
        self.arenaByteLimit = arenaByteLimit
        validityStride = (capacity / 8 + 7) & ~7
        var offsets: [Int?] = []
        var end = 0
        var arenaIndex: [Int] = []
        var arenaCount = 0
        for kind in kinds {
            arenaIndex.append(kind == .byteArray ? arenaCount : -1)
            guard let kind else {
                offsets.append(nil)
                continue
            }
            if kind == .byteArray { arenaCount += 1 }
            offsets.append(end)
            end += (Self.stagedWidth(kind) * (kind == .byteArray ? capacity + 1 : capacity) + 7) & ~7
        }
        let validityOffset = end
        storageByteCount = end + validityStride * kinds.count
        let storage = UnsafeMutableRawPointer.allocate(byteCount: max(8, storageByteCount), alignment: 16)
        self.storage = storage
        validity = storage + validityOffset
        validity.initializeMemory(as: UInt8.self, repeating: 0xFF, count: validityStride * kinds.count)
        valueRegions = offsets.map { offset in offset.map { storage + $0 } }
        // A byte array column's first row begins at 0; each row stores where the next begins.
        for (index, region) in valueRegions.enumerated() where arenaIndex[index] >= 0 {
            region!.storeBytes(of: 0, as: Int32.self)
        }
        self.arenaIndex = arenaIndex
        arenas = Array(repeating: PageBuffer(), count: arenaCount)
        hasNulls = Array(repeating: false, count: kinds.count)
    }

    deinit {
        if !isReleased { storage.deallocate() }
        for arena in arenas { arena.deallocate() }
    }

    /// What each column of `schema` stages: its writer's kind, or nil for a LIST column.
    static func stagedKinds(_ schema: Schema) -> [PhysicalSlotKind?] {
        schema.descriptors.map { $0.maxRepetitionLevel == 0 ? PhysicalSlotKind($0) : nil }
    }

    /// Bytes of a staged value: byte arrays keep an end offset per row.
    static func stagedWidth(_ kind: PhysicalSlotKind) -> Int {
        switch kind {
        case .boolean: 1
        case .float16: 2
        case .int32, .float, .byteArray: 4
        case .int64, .double: 8
        }
    }

    /// The bytes a block of `capacity` rows takes for columns of `kinds`, arenas aside.
    static func byteCount(kinds: [PhysicalSlotKind?], capacity: Int) -> Int {
        let validity = ((capacity / 8 + 7) & ~7) * kinds.count
        return kinds.reduce(validity) { total, kind in
            guard let kind else { return total }
            return total + (stagedWidth(kind) * (kind == .byteArray ? capacity + 1 : capacity) + 7) & ~7
        }
    }

    /// Bytes held, used or not.
    var heldByteCount: Int { storageByteCount + arenas.reduce(0) { $0 + $1.storageByteCount } }

    // MARK: Cells

    /// Marks column `column`'s cell of block row `row` null.
    @inline(__always)
    func setNull(column: Int, row: Int) {
        let byte = validity + (column &* validityStride &+ row &>> 3)
        byte.storeBytes(
            of: byte.load(as: UInt8.self) & ~(1 &<< UInt8(truncatingIfNeeded: row & 7)), as: UInt8.self)
        if !hasNulls[column] {
            hasNulls[column] = true
            nullColumns.append(column)
        }
        if arenaIndex[column] >= 0 { endByteArray(column: column, row: row) }
    }

    /// Appends `bytes` as column `column`'s cell of block row `row`.
    @inline(__always)
    func storeBytes(_ bytes: UnsafeRawBufferPointer, column: Int, row: Int) {
        arenas[arenaIndex[column]].append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
        arenaByteCount &+= bytes.count
        endByteArray(column: column, row: row)
    }

    /// Appends an integer as `length` big-endian bytes (a DECIMAL on FIXED_LEN_BYTE_ARRAY).
    func storeBigEndianBytes(_ value: Int128, length: Int, column: Int, row: Int) {
        arenas[arenaIndex[column]].append(bigEndianBytes: value, length: length)
        arenaByteCount &+= length
        endByteArray(column: column, row: row)
    }

    /// Records where row `row`'s bytes end, which is where the next row's begin.
    @inline(__always)
    private func endByteArray(column: Int, row: Int) {
        valueRegions[column]!.storeBytes(
            of: Int32(truncatingIfNeeded: arenas[arenaIndex[column]].count), toByteOffset: (row &+ 1) &* 4,
            as: Int32.self)
    }

    /// Forgets column `column`'s cell of block row `row`, for a row rolled back.
    func removeCell(column: Int, row: Int) {
        let byte = validity + (column &* validityStride &+ row &>> 3)
        byte.storeBytes(of: byte.load(as: UInt8.self) | 1 &<< UInt8(truncatingIfNeeded: row & 7), as: UInt8.self)
        let arena = arenaIndex[column]
        guard arena >= 0 else { return }
        let start = Int(valueRegions[column]!.load(fromByteOffset: row &* 4, as: Int32.self))
        arenaByteCount -= arenas[arena].count - start
        arenas[arena].truncate(to: start)
    }

    // MARK: Blocks

    /// Column `column`'s first `rows` cells as a columnar batch's column, valid until `reset()`.
    func buffers(ofColumn column: Int, kind: PhysicalSlotKind, rows: Int) -> ColumnBuffers {
        let region = valueRegions[column]!
        let values: ColumnBuffers.Values
        switch kind {
        case .boolean: values = .booleans(Self.typed(region, Bool.self, rows))
        case .int32: values = .int32s(Self.typed(region, Int32.self, rows))
        case .int64: values = .int64s(Self.typed(region, Int64.self, rows))
        case .float: values = .floats(Self.typed(region, Float.self, rows))
        case .double: values = .doubles(Self.typed(region, Double.self, rows))
        case .float16: values = .float16s(Self.typed(region, Float16.self, rows))
        case .byteArray:
            let arena = arenas[arenaIndex[column]]
            let bytes = arena.withUnsafeBytes { $0 }
            values = .byteArrays(bytes: bytes, offsets: Self.typed(region, Int32.self, rows + 1))
        }
        let bits =
            hasNulls[column]
            ? UnsafeRawBufferPointer(start: validity + column * validityStride, count: validityStride) : nil
        return ColumnBuffers(values, validity: bits)
    }

    private static func typed<Value>(_ region: UnsafeMutableRawPointer, _: Value.Type, _ count: Int)
        -> UnsafeBufferPointer<Value>
    {
        UnsafeBufferPointer(start: region.bindMemory(to: Value.self, capacity: count), count: count)
    }

    /// Empties the block, once its rows are in the column writers or dropped.
    func reset() {
        for column in nullColumns {
            (validity + column * validityStride).initializeMemory(
                as: UInt8.self, repeating: 0xFF, count: validityStride)
            hasNulls[column] = false
        }
        nullColumns.removeAll(keepingCapacity: true)
        for index in arenas.indices { arenas[index].removeAll() }
        arenaByteCount = 0
    }

    /// Moves the block's cells to `other`, an empty stage laid out for the same columns,
    /// and empties this one: one copy of the block and an exchange of byte buffers.
    func moveContents(to other: RowStage) {
        precondition(other.storageByteCount == storageByteCount && other.nullColumns.isEmpty)
        other.storage.copyMemory(from: storage, byteCount: storageByteCount)
        swap(&arenas, &other.arenas)
        other.arenaByteCount = arenaByteCount
        for column in nullColumns { other.hasNulls[column] = true }
        other.nullColumns.append(contentsOf: nullColumns)
        reset()
    }

    /// Gives back all storage once the file is complete; the stage is not used again.
    func releaseStorage() {
        guard !isReleased else { return }
        isReleased = true
        storage.deallocate()
        storageByteCount = 0
        for index in arenas.indices { arenas[index].releaseStorage() }
        arenaByteCount = 0
        nullColumns = []
    }
}
