/// The flat columns' cells of the last few rows, kept until a block of rows goes to
/// the column writers at once.
///
/// Appending a cell straight to its column's open page touches that column's writer and
/// page buffers: with hundreds of columns, a row touches thousands of cache lines and
/// memory pages, and the cell costs a cache and TLB miss or two. Here a row's cells are
/// stored one after another (`rowCells`), so appending a row writes a few contiguous
/// cache lines. When the block goes to the columns, it is first turned into one region
/// per column (`transpose`), and each column's region then moves to the column's pages
/// as `ParquetWriter.appendColumns` moves a columnar batch, with pages closing on the
/// same rows as if each cell had gone straight in. Null flags are kept per column.
///
/// LIST columns are not staged: their cells go to their writers as they come.
final class RowStage {
    /// Rows a block holds: a multiple of 8, so every column's validity bits start on a byte.
    let capacity: Int
    /// Bytes of one row's cells in `rowCells`.
    let rowStride: Int
    /// Where each column's cell lies in a row (its values' width divides it), or nil
    /// for a LIST column. Wider cells come first, so every cell is aligned.
    let cellOffsets: [Int?]
    /// The block's rows, `rowStride` bytes each: a staged column's cell of row `r` is at
    /// `r * rowStride + cellOffsets[column]` (for a byte array column, where its bytes end).
    @exclusivity(unchecked) private(set) var rowCells: UnsafeMutableRawPointer
    /// Each column's value region after `transpose` (`capacity` values of its staged
    /// type, or for a byte array column `capacity + 1` end offsets), or nil for a LIST column.
    let valueRegions: [UnsafeMutableRawPointer?]
    /// The staged columns as `transpose` copies them, in the order their cells lie in a row.
    private let transposedColumns: [(cellOffset: Int, width: Int, region: UnsafeMutableRawPointer)]
    private let regions: UnsafeMutableRawPointer
    private var storageByteCount: Int
    /// Whether `releaseStorage()` gave the storage back.
    private var isReleased = false
    @exclusivity(unchecked) private var validity: UnsafeMutableRawPointer
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
        validityStride = Self.validityStride(capacity: capacity)
        rowStride = Self.rowStride(kinds: kinds)
        var cellOffsets: [Int?] = Array(repeating: nil, count: kinds.count)
        var cellEnd = 0
        for width in [8, 4, 2, 1] {
            for (index, kind) in kinds.enumerated() where kind.map(Self.stagedWidth) == width {
                cellOffsets[index] = cellEnd
                cellEnd += width
            }
        }
        self.cellOffsets = cellOffsets
        var regionOffsets: [Int?] = []
        var end = 0
        var arenaIndex: [Int] = []
        var arenaCount = 0
        for kind in kinds {
            arenaIndex.append(kind == .byteArray ? arenaCount : -1)
            guard let kind else {
                regionOffsets.append(nil)
                continue
            }
            if kind == .byteArray { arenaCount += 1 }
            regionOffsets.append(end)
            end += Self.regionByteCount(kind, capacity: capacity)
        }
        let rowBytes = rowStride * capacity
        let validityBytes = validityStride * kinds.count
        storageByteCount = end + rowBytes + validityBytes
        regions = UnsafeMutableRawPointer.allocate(byteCount: max(8, end), alignment: 64)
        // Zeroed, so that a null cell's slot, copied by `transpose` and never read, is defined.
        rowCells = UnsafeMutableRawPointer.allocate(byteCount: max(8, rowBytes), alignment: 64)
        rowCells.initializeMemory(as: UInt8.self, repeating: 0, count: max(8, rowBytes))
        validity = UnsafeMutableRawPointer.allocate(byteCount: max(8, validityBytes), alignment: 64)
        validity.initializeMemory(as: UInt8.self, repeating: 0xFF, count: validityBytes)
        let regions = regions
        let valueRegions = regionOffsets.map { offset in offset.map { regions + $0 } }
        self.valueRegions = valueRegions
        // A byte array column's first row begins at 0; each row stores where the next begins.
        for (index, region) in valueRegions.enumerated() where arenaIndex[index] >= 0 {
            region!.storeBytes(of: 0, as: Int32.self)
        }
        transposedColumns = kinds.indices.compactMap { index in
            guard let kind = kinds[index], let offset = cellOffsets[index], let region = valueRegions[index] else {
                return nil
            }
            // A byte array's row `r` ends where row `r + 1` begins.
            return (offset, Self.stagedWidth(kind), kind == .byteArray ? region + 4 : region)
        }.sorted { $0.cellOffset < $1.cellOffset }
        self.arenaIndex = arenaIndex
        arenas = Array(repeating: PageBuffer(), count: arenaCount)
        hasNulls = Array(repeating: false, count: kinds.count)
    }

    deinit {
        if !isReleased { deallocateStorage() }
        for arena in arenas { arena.deallocate() }
    }

    private func deallocateStorage() {
        regions.deallocate()
        rowCells.deallocate()
        validity.deallocate()
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

    /// Bytes of one row's cells, padded so that every row's cells stay aligned.
    private static func rowStride(kinds: [PhysicalSlotKind?]) -> Int {
        (kinds.reduce(0) { $0 + ($1.map(stagedWidth) ?? 0) } + 7) & ~7
    }

    private static func validityStride(capacity: Int) -> Int { (capacity / 8 + 7) & ~7 }

    private static func regionByteCount(_ kind: PhysicalSlotKind, capacity: Int) -> Int {
        (stagedWidth(kind) * (kind == .byteArray ? capacity + 1 : capacity) + 7) & ~7
    }

    /// The bytes a block of `capacity` rows takes as column regions and their validity
    /// bits, which the writer keeps small enough for a core's cache.
    static func columnarByteCount(kinds: [PhysicalSlotKind?], capacity: Int) -> Int {
        let validity = validityStride(capacity: capacity) * kinds.count
        return kinds.reduce(validity) { total, kind in
            guard let kind else { return total }
            return total + regionByteCount(kind, capacity: capacity)
        }
    }

    /// The bytes a block of `capacity` rows takes for columns of `kinds`, arenas aside:
    /// its rows' cells, its column regions and their validity bits.
    static func byteCount(kinds: [PhysicalSlotKind?], capacity: Int) -> Int {
        columnarByteCount(kinds: kinds, capacity: capacity) + rowStride(kinds: kinds) * capacity
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
        rowCells.storeBytes(
            of: Int32(truncatingIfNeeded: arenas[arenaIndex[column]].count),
            toByteOffset: row &* rowStride &+ cellOffsets[column].unsafelyUnwrapped, as: Int32.self)
    }

    /// Forgets column `column`'s cell of block row `row`, for a row rolled back.
    func removeCell(column: Int, row: Int) {
        let byte = validity + (column &* validityStride &+ row &>> 3)
        byte.storeBytes(of: byte.load(as: UInt8.self) | 1 &<< UInt8(truncatingIfNeeded: row & 7), as: UInt8.self)
        let arena = arenaIndex[column]
        guard arena >= 0 else { return }
        // Where the previous row's bytes end; the block's first row begins at 0.
        let start =
            row == 0
            ? 0 : Int(rowCells.load(fromByteOffset: (row - 1) * rowStride + cellOffsets[column]!, as: Int32.self))
        arenaByteCount -= arenas[arena].count - start
        arenas[arena].truncate(to: start)
    }

    // MARK: Blocks

    /// Copies the first `rows` rows' cells into the columns' value regions, column by
    /// column in the order the cells lie in a row, so that neighbouring columns read the
    /// same cache lines.
    func transpose(rows: Int) {
        let rowCells = UnsafeRawPointer(rowCells)
        let stride = rowStride
        for column in transposedColumns {
            let source = rowCells + column.cellOffset
            switch column.width {
            case 8: Self.gather(UInt64.self, from: source, stride: stride, to: column.region, count: rows)
            case 4: Self.gather(UInt32.self, from: source, stride: stride, to: column.region, count: rows)
            case 2: Self.gather(UInt16.self, from: source, stride: stride, to: column.region, count: rows)
            default: Self.gather(UInt8.self, from: source, stride: stride, to: column.region, count: rows)
            }
        }
    }

    @inline(__always)
    private static func gather<Value>(
        _: Value.Type, from source: UnsafeRawPointer, stride: Int, to target: UnsafeMutableRawPointer, count: Int
    ) {
        let target = target.assumingMemoryBound(to: Value.self)
        var source = source
        for row in 0..<count {
            target[row] = source.load(as: Value.self)
            source += stride
        }
    }

    /// Column `column`'s first `rows` cells as a columnar batch's column, once
    /// `transpose` has copied them; valid until `reset()`.
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

    /// Moves the block's first `rows` rows to `other`, an empty stage laid out for the
    /// same columns, and leaves this one empty: the rows' cells are copied, so that the
    /// appending thread goes on writing to memory its core holds; the validity bits and
    /// byte buffers are exchanged.
    func moveContents(to other: RowStage, rows: Int) {
        precondition(other.storageByteCount == storageByteCount && other.nullColumns.isEmpty)
        other.rowCells.copyMemory(from: rowCells, byteCount: rows * rowStride)
        swap(&validity, &other.validity)
        swap(&arenas, &other.arenas)
        swap(&hasNulls, &other.hasNulls)
        swap(&nullColumns, &other.nullColumns)
        other.arenaByteCount = arenaByteCount
        arenaByteCount = 0
    }

    /// Gives back all storage once the file is complete; the stage is not used again.
    func releaseStorage() {
        guard !isReleased else { return }
        isReleased = true
        deallocateStorage()
        storageByteCount = 0
        for index in arenas.indices { arenas[index].releaseStorage() }
        arenaByteCount = 0
        nullColumns = []
    }
}
