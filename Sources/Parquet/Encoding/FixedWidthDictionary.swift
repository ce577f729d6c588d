import ParquetEncoding

/// The distinct values of a fixed-width column (INT32, INT64, FLOAT, DOUBLE) and their
/// dictionary indices, for dictionary encoding.
///
/// Keys are bit patterns: callers pass `Float.bitPattern`, `Double.bitPattern`,
/// `UInt32(bitPattern:)` and so on. Comparing bits rather than values is what a dictionary
/// needs: -0.0 and +0.0 stay distinct, and a NaN finds itself (each NaN payload is its own
/// entry), so decoding reproduces the exact input bits.
///
/// The table uses open addressing with linear probing and a multiplicative (Fibonacci) hash,
/// which is far cheaper than `Dictionary`'s SipHash for integer keys. Indices are dense and
/// follow first-insertion order, which is also the order of the dictionary page.
struct FixedWidthDictionary<Key: FixedWidthInteger & UnsignedInteger> {
    /// One table cell; `indexPlusOne == 0` marks an empty cell.
    private struct Slot {
        var key: Key
        var indexPlusOne: UInt32
    }

    private static var minimumSlotCount: Int { 32 }

    private var slots: [Slot]
    /// `64 - log2(slots.count)`: the hash's top bits select the slot.
    private var hashShift: UInt64
    /// Entry count at which the table doubles, keeping the load factor at most 3/4: probe
    /// sequences stay short, and a table that just fits a power-of-two entry count is
    /// not doubled again (a smaller table misses the cache less).
    private var growthThreshold: Int

    /// The distinct keys in insertion order; a key's position is its dictionary index.
    private(set) var keys: [Key] = []

    init() {
        slots = Self.emptySlots(count: Self.minimumSlotCount)
        hashShift = Self.hashShift(forSlotCount: Self.minimumSlotCount)
        growthThreshold = Self.minimumSlotCount / 4 * 3
    }

    /// The number of distinct keys.
    var count: Int { keys.count }

    /// Bytes the table and the keys occupy, at most. Counted from the entries, not
    /// from the arrays' capacity (which depends on what the allocator hands out), so
    /// that the writer's decisions, and so its output, are the same on every run.
    var memoryByteCount: Int {
        slots.count &* MemoryLayout<Slot>.stride &+ 2 &* keys.count &* MemoryLayout<Key>.stride
    }

    /// Size of the PLAIN-encoded dictionary page body.
    var plainEncodedByteCount: Int { keys.count * MemoryLayout<Key>.size }

    /// Returns the index of `key`, adding it as the next index if it is new.
    @inline(__always)
    mutating func index(of key: Key) -> UInt32 {
        var slotIndex = findSlot(for: key)
        let existing = slots[slotIndex].indexPlusOne
        if existing != 0 {
            return existing - 1
        }
        if keys.count >= growthThreshold {
            grow()
            slotIndex = findSlot(for: key)
        }
        precondition(keys.count < Int(UInt32.max), "dictionary exceeds 2^32 - 1 entries")
        let newIndex = UInt32(truncatingIfNeeded: keys.count)
        keys.append(key)
        slots[slotIndex] = Slot(key: key, indexPlusOne: newIndex + 1)
        return newIndex
    }

    /// Appends the index of every key in `source` to `indices`, adding new keys as it goes.
    ///
    /// Pages reach this through the encoding jobs' protocol, where the key type is not
    /// known at compile time; the specializations spare the loop a generic call per key.
    @_specialize(exported:false,where Key == UInt16)
    @_specialize(exported:false,where Key == UInt32)
    @_specialize(exported:false,where Key == UInt64)
    mutating func appendIndices(of source: UnsafeBufferPointer<Key>, to indices: inout [UInt32]) {
        guard !source.isEmpty else { return }
        indices.append(addingCapacity: source.count) { span in
            span.withUnsafeMutableBufferPointer { destination, initializedCount in
                // Columns often repeat a value several times in a row; skip the probe then.
                var previousKey = source[0]
                var previousIndex = index(of: previousKey)
                destination[0] = previousIndex
                for position in 1..<source.count {
                    let key = source[position]
                    if key != previousKey {
                        previousKey = key
                        previousIndex = index(of: key)
                    }
                    destination[position] = previousIndex
                }
                initializedCount = source.count
            }
        }
    }

    /// Appends the PLAIN encoding of the keys (the dictionary page body): each key's bytes
    /// in little-endian order, copied in bulk.
    func appendPlainEncoded(into output: inout [UInt8]) {
        keys.withUnsafeBufferPointer { PlainEncoder.appendLittleEndian($0, into: &output) }
    }

    /// Forgets every key. With `keepingCapacity`, the table and key storage stay allocated
    /// for the next column chunk.
    mutating func removeAll(keepingCapacity: Bool) {
        keys.removeAll(keepingCapacity: keepingCapacity)
        if keepingCapacity {
            slots.withUnsafeMutableBufferPointer { $0.update(repeating: Self.emptySlot) }
        } else {
            self = Self()
        }
    }

    /// The slot holding `key`, or the empty slot where it belongs.
    @inline(__always)
    private func findSlot(for key: Key) -> Int {
        let mask = slots.count - 1
        var slotIndex = Self.homeSlot(of: key, hashShift: hashShift)
        while true {
            let slot = slots[slotIndex]
            if slot.indexPlusOne == 0 || slot.key == key {
                return slotIndex
            }
            slotIndex = (slotIndex + 1) & mask
        }
    }

    /// Fibonacci hashing: multiply by 2^64 / golden ratio and keep the top bits. Folding the
    /// high half in first lets keys that differ only in their top bits (float exponents)
    /// still spread over the whole table.
    @inline(__always)
    private static func homeSlot(of key: Key, hashShift: UInt64) -> Int {
        var bits = UInt64(truncatingIfNeeded: key)
        bits ^= bits &>> 32
        return Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) &>> hashShift)
    }

    private mutating func grow() {
        let slotCount = slots.count * 2
        var table = Self.emptySlots(count: slotCount)
        let shift = Self.hashShift(forSlotCount: slotCount)
        let mask = slotCount - 1
        for (index, key) in keys.enumerated() {
            var slotIndex = Self.homeSlot(of: key, hashShift: shift)
            while table[slotIndex].indexPlusOne != 0 {
                slotIndex = (slotIndex + 1) & mask
            }
            table[slotIndex] = Slot(key: key, indexPlusOne: UInt32(truncatingIfNeeded: index) + 1)
        }
        slots = table
        hashShift = shift
        growthThreshold = slotCount / 4 * 3
    }

    private static var emptySlot: Slot { Slot(key: 0, indexPlusOne: 0) }

    private static func emptySlots(count: Int) -> [Slot] {
        [Slot](repeating: emptySlot, count: count)
    }

    private static func hashShift(forSlotCount slotCount: Int) -> UInt64 {
        UInt64(64 - slotCount.trailingZeroBitCount)
    }
}
