/// A growable buffer of plain values for an open page.
///
/// Appending a cell is the writer's innermost loop. An `Array` checks uniqueness
/// (a runtime call) and capacity on every append; this buffer only compares count
/// with capacity. It is a struct so that its count and pointer sit inside the column
/// writer that owns it, on a cache line the append touches anyway. Exactly one
/// owner mutates it and calls `deallocate()` once, from its deinit; copies (such as
/// `LevelEncoder.Levels.stored`) only read. It allocates nothing until its first
/// append, and nothing after `releaseStorage()`: a column writer whose init throws,
/// and so never runs its deinit, leaks nothing.
struct PageBuffer<Element: BitwiseCopyable> {
    // Never dereferenced at capacity 0: an append allocates first.
    private var base = UnsafeMutablePointer<Element>(bitPattern: MemoryLayout<Element>.alignment)!
    private(set) var count = 0
    private var capacity = 0

    /// The first allocation: 1 KiB, or 64 elements if they are larger.
    private static var initialCapacity: Int { max(64, 1_024 / MemoryLayout<Element>.stride) }

    init() {}

    /// An empty buffer of this one's capacity, sharing no storage with it: the next
    /// page of a column whose closed page went to another thread, which grows to about
    /// the same size. Allocates only if this one has storage.
    func withoutStorage() -> Self {
        var empty = Self()
        if capacity > 0 { empty.grow(toHold: capacity) }
        return empty
    }

    /// Frees the storage; the owner calls it once, when it goes away.
    func deallocate() {
        if capacity > 0 { base.deallocate() }
    }

    var isEmpty: Bool { count == 0 }

    /// Bytes of storage held, used or not.
    var storageByteCount: Int { capacity &* MemoryLayout<Element>.stride }

    @inline(__always)
    subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "PageBuffer index out of range")
        return base[position]
    }

    var last: Element? { count == 0 ? nil : base[count - 1] }

    @inline(__always)
    mutating func append(_ element: Element) {
        if _slowPath(count == capacity) { grow(toHold: count + 1) }
        (base + count).initialize(to: element)
        count &+= 1
    }

    mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress, !elements.isEmpty else { return }
        if count + elements.count > capacity { grow(toHold: count + elements.count) }
        (base + count).initialize(from: source, count: elements.count)
        count += elements.count
    }

    /// Appends `source[rows]`, or with `validity` only the rows whose bit is set.
    @inline(__always)
    mutating func append(_ source: UnsafeBufferPointer<Element>, rows: Range<Int>, where validity: ValidityBits?) {
        guard validity != nil, let first = source.baseAddress else {
            return append(contentsOf: UnsafeBufferPointer(rebasing: source[rows]))
        }
        append(strided: UnsafeRawPointer(first), stride: MemoryLayout<Element>.stride, rows: rows, where: validity)
    }

    /// Appends the element of each of `rows` that lies at `first + row * stride`, aligned
    /// for `Element`, or with `validity` only the rows whose bit is set.
    @inline(__always)
    mutating func append(strided first: UnsafeRawPointer, stride: Int, rows: Range<Int>, where validity: ValidityBits?)
    {
        var end = rows.upperBound
        // Trailing nulls store nothing; without them, every store below lands within the
        // valid values, so the buffer grows exactly as appending them one by one would.
        if let validity { while end > rows.lowerBound && validity.bit(end &- 1) == 0 { end &-= 1 } }
        let valid = validity?.validCount(in: rows.lowerBound..<end) ?? rows.count
        if count + valid > capacity { grow(toHold: count + valid) }
        let target = base + count
        var source = first + rows.lowerBound &* stride
        guard let validity else {
            for index in 0..<valid {
                (target + index).initialize(to: source.load(as: Element.self))
                source += stride
            }
            count &+= valid
            return
        }
        // Every row's value is stored, and the count moves past it only when the row has
        // one: no branch to mispredict on nulls scattered at random.
        var stored = 0
        for row in rows.lowerBound..<end {
            (target + stored).initialize(to: source.load(as: Element.self))
            stored &+= validity.bit(row)
            source += stride
        }
        count &+= stored
    }

    mutating func append(repeating element: Element, count repeats: Int) {
        guard repeats > 0 else { return }
        if count + repeats > capacity { grow(toHold: count + repeats) }
        (base + count).initialize(repeating: element, count: repeats)
        count += repeats
    }

    @discardableResult
    mutating func removeLast() -> Element {
        precondition(count > 0, "removeLast from an empty PageBuffer")
        count -= 1
        return base[count]
    }

    /// Keeps the first `newCount` elements.
    mutating func truncate(to newCount: Int) {
        precondition(newCount >= 0 && newCount <= count, "truncate beyond the buffer")
        count = newCount
    }

    /// Empties the buffer, keeping its storage for the next page.
    mutating func removeAll() { count = 0 }

    /// Empties the buffer and gives its storage back without allocating anything in
    /// its place, so that nothing new lands among the memory just freed.
    mutating func releaseStorage() {
        deallocate()
        self = Self()
    }

    @inline(__always)
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    @inline(__always)
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(UnsafeBufferPointer(start: base, count: count)))
    }

    private mutating func grow(toHold needed: Int) {
        var newCapacity = max(capacity, Self.initialCapacity)
        while newCapacity < needed { newCapacity &*= 2 }
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        deallocate()
        base = newBase
        capacity = newCapacity
    }
}

extension PageBuffer<UInt8> {
    /// Appends a flat column's definition level for each of `rows`: `present` for a row
    /// with a value, 0 for a null.
    mutating func appendLevels(of rows: Range<Int>, validity: ValidityBits, present: UInt8) {
        if count + rows.count > capacity { grow(toHold: count + rows.count) }
        var target = UnsafeMutableRawPointer(base + count)
        var row = rows.lowerBound
        func appendOne() {
            target.storeBytes(of: UInt8(truncatingIfNeeded: validity.bit(row)) &* present, as: UInt8.self)
            target += 1
            row &+= 1
        }
        // Row by row up to a byte of the bitmap, then a byte's eight rows with one store.
        while row < rows.upperBound && row & 7 != 0 { appendOne() }
        let factor = UInt64(present)
        while row &+ 8 <= rows.upperBound {
            // Bit i of the byte becomes byte i of the word (a 0 or a 1), scaled to the level.
            var spread = UInt64(validity.bytes[row &>> 3])
            spread = (spread | spread &<< 28) & 0x0000_000F_0000_000F
            spread = (spread | spread &<< 14) & 0x0003_0003_0003_0003
            spread = (spread | spread &<< 7) & 0x0101_0101_0101_0101
            target.storeBytes(of: (spread &* factor).littleEndian, as: UInt64.self)
            target += 8
            row &+= 8
        }
        while row < rows.upperBound { appendOne() }
        count &+= rows.count
    }

    /// Appends an integer as `length` bytes of big-endian two's complement (a DECIMAL
    /// on FIXED_LEN_BYTE_ARRAY), sign-extended past 16 bytes.
    mutating func append(bigEndianBytes value: Int128, length: Int) {
        if length > 16 { append(repeating: value < 0 ? 0xFF : 0, count: length - 16) }
        Swift.withUnsafeBytes(of: value.bigEndian) { whole in
            append(
                contentsOf: UnsafeRawBufferPointer(rebasing: whole[max(0, 16 - length)...])
                    .assumingMemoryBound(to: UInt8.self))
        }
    }
}
