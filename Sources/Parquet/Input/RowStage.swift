/// The flat columns' cells of the last few rows, kept until a block of rows goes to
/// the column writers at once.
///
/// Appending a cell straight to its column's open page touches that column's writer and
/// page buffers: with hundreds of columns, a row touches thousands of cache lines and
/// memory pages, and the cell costs a cache and TLB miss or two. Here a row's cells are
/// stored one after another (`rowCells`), so appending a row writes a few contiguous
/// cache lines. When the block goes to the columns, each fixed-width column's cells are
/// read where they lie, a row's stride apart (`cells(ofColumn:)`), straight into the
/// column's pages; a byte array column's end offsets are first gathered into a region
/// of their own (`gatherByteArrayEnds`), to move as a columnar batch's column. Pages
/// close on the same rows as if each cell had gone straight in. Null flags are kept
/// per column.
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
    /// Each byte array column's `capacity + 1` end offsets after `gatherByteArrayEnds`,
    /// or nil for any other column.
    let offsetRegions: [UnsafeMutableRawPointer?]
    /// The byte array columns' end offsets as `gatherByteArrayEnds` copies them: where
    /// they lie in a row, and where their row 0's end goes.
    private let gatheredEnds: [(cellOffset: Int, target: UnsafeMutableRawPointer)]
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
            guard kind == .byteArray else {
                regionOffsets.append(nil)
                continue
            }
            arenaCount += 1
            regionOffsets.append(end)
            end += Self.offsetRegionByteCount(capacity: capacity)
        }
        let rowBytes = rowStride * capacity
        let validityBytes = validityStride * kinds.count
        storageByteCount = end + rowBytes + validityBytes
        regions = UnsafeMutableRawPointer.allocate(byteCount: max(8, end), alignment: 64)
        // Zeroed, so that a null cell's slot, which the strided reads copy into a page
        // buffer past its valid values without counting it, is defined.
        rowCells = UnsafeMutableRawPointer.allocate(byteCount: max(8, rowBytes), alignment: 64)
        rowCells.initializeMemory(as: UInt8.self, repeating: 0, count: max(8, rowBytes))
        validity = UnsafeMutableRawPointer.allocate(byteCount: max(8, validityBytes), alignment: 64)
        validity.initializeMemory(as: UInt8.self, repeating: 0xFF, count: validityBytes)
        let regions = regions
        let offsetRegions = regionOffsets.map { offset in offset.map { regions + $0 } }
        self.offsetRegions = offsetRegions
        // A byte array column's first row begins at 0; each row stores where the next begins.
        for region in offsetRegions { region?.storeBytes(of: 0, as: Int32.self) }
        gatheredEnds = kinds.indices.compactMap { index in
            guard let offset = cellOffsets[index], let region = offsetRegions[index] else { return nil }
            // A byte array's row `r` ends where row `r + 1` begins.
            return (offset, region + 4)
        }
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

    private static func offsetRegionByteCount(capacity: Int) -> Int { (4 * (capacity + 1) + 7) & ~7 }

    /// The bytes a block of `capacity` rows takes for columns of `kinds`, arenas aside:
    /// its rows' cells, their validity bits and the byte array columns' end offsets.
    static func byteCount(kinds: [PhysicalSlotKind?], capacity: Int) -> Int {
        let byteArrayColumns = kinds.count { $0 == .byteArray }
        return rowStride(kinds: kinds) * capacity + validityStride(capacity: capacity) * kinds.count
            + byteArrayColumns * offsetRegionByteCount(capacity: capacity)
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

    /// Copies the byte array columns' end offsets of the first `rows` rows into their
    /// regions, for `byteArrays(ofColumn:rows:)`.
    func gatherByteArrayEnds(rows: Int) {
        let stride = rowStride
        for column in gatheredEnds {
            let target = column.target.assumingMemoryBound(to: Int32.self)
            var source = UnsafeRawPointer(rowCells) + column.cellOffset
            for row in 0..<rows {
                target[row] = source.load(as: Int32.self)
                source += stride
            }
        }
    }

    /// Where column `column`'s cells lie, a row's stride apart from the first row's,
    /// and their validity when the block has a null in the column; valid until `reset()`.
    @inline(__always)
    func cells(ofColumn column: Int) -> (first: UnsafeRawPointer, stride: Int, validity: ValidityBits?) {
        (UnsafeRawPointer(rowCells) + cellOffsets[column].unsafelyUnwrapped, rowStride, validityBits(ofColumn: column))
    }

    /// Byte array column `column`'s first `rows` cells as a columnar batch's column, once
    /// `gatherByteArrayEnds` has copied their end offsets; valid until `reset()`.
    func byteArrays(ofColumn column: Int, rows: Int) -> ColumnBuffers {
        let offsets = offsetRegions[column]!.bindMemory(to: Int32.self, capacity: rows + 1)
        let bytes = arenas[arenaIndex[column]].withUnsafeBytes { $0 }
        return ColumnBuffers(
            .byteArrays(bytes: bytes, offsets: UnsafeBufferPointer(start: offsets, count: rows + 1)),
            validity: validityBits(ofColumn: column)?.bytes)
    }

    @inline(__always)
    private func validityBits(ofColumn column: Int) -> ValidityBits? {
        guard hasNulls[column] else { return nil }
        return ValidityBits(
            bytes: UnsafeRawBufferPointer(start: validity + column &* validityStride, count: validityStride))
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
