import ParquetEncoding

/// The distinct values of a BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY column and their dictionary
/// indices, for dictionary encoding.
///
/// Entries live back to back in one byte buffer with an end offset each, so adding a value
/// costs one bulk copy and no allocation of its own. The table uses open addressing with
/// linear probing over ``ByteHash``; each slot keeps 32 bits of the hash, which both filters
/// comparisons and lets the table grow without rehashing any bytes. Indices are dense and
/// follow first-insertion order, the order of the dictionary page.
struct ByteArrayDictionary {
    /// One table cell; `indexPlusOne == 0` marks an empty cell.
    private struct Slot {
        var hash: UInt32
        var indexPlusOne: UInt32
    }

    private static var minimumSlotCount: Int { 32 }
    private static var emptySlot: Slot { Slot(hash: 0, indexPlusOne: 0) }

    private var slots: [Slot]
    /// `32 - log2(slots.count)`: the stored hash's top bits select the slot.
    private var hashShift: UInt32
    /// Entry count at which the table doubles (load factor at most 1/2).
    private var growthThreshold: Int

    /// All entries' bytes, back to back in insertion order.
    private(set) var storage: [UInt8] = []
    /// `endOffsets[i]` is where entry `i` ends in ``storage``; it starts where entry `i - 1`
    /// ends, or at 0.
    private(set) var endOffsets: [Int] = []

    init() {
        slots = [Slot](repeating: Self.emptySlot, count: Self.minimumSlotCount)
        hashShift = Self.hashShift(forSlotCount: Self.minimumSlotCount)
        growthThreshold = Self.minimumSlotCount / 2
    }

    /// The number of distinct values.
    var count: Int { endOffsets.count }

    /// Bytes the table and the entries occupy, at most. Counted from the entries, not
    /// from the arrays' capacity (which depends on what the allocator hands out), so
    /// that the writer's decisions, and so its output, are the same on every run.
    var memoryByteCount: Int {
        slots.count &* MemoryLayout<Slot>.stride &+ 2 &* (storage.count &+ endOffsets.count &* MemoryLayout<Int>.stride)
    }

    /// The bytes of the entry with dictionary index `index`.
    func value(at index: Int) -> ArraySlice<UInt8> {
        storage[startOffset(of: index)..<endOffsets[index]]
    }

    /// Size of the PLAIN-encoded dictionary page body: the entries' bytes, plus a 4-byte
    /// length per entry for BYTE_ARRAY (`lengthPrefixed`), none for FIXED_LEN_BYTE_ARRAY.
    func plainEncodedByteCount(lengthPrefixed: Bool) -> Int {
        storage.count + (lengthPrefixed ? 4 * count : 0)
    }

    /// Returns the index of `value`, adding a copy of its bytes as the next index if it is new.
    mutating func index(of value: UnsafeRawBufferPointer) -> UInt32 {
        if count >= growthThreshold {
            grow()
        }
        let hash = UInt32(truncatingIfNeeded: ByteHash.hash(value) >> 32)
        let mask = slots.count - 1
        var slotIndex = Int(truncatingIfNeeded: hash >> hashShift)
        while true {
            let slot = slots[slotIndex]
            if slot.indexPlusOne == 0 {
                break
            }
            if slot.hash == hash && entry(Int(slot.indexPlusOne - 1), equals: value) {
                return slot.indexPlusOne - 1
            }
            slotIndex = (slotIndex + 1) & mask
        }
        precondition(count < Int(UInt32.max), "dictionary exceeds 2^32 - 1 entries")
        let newIndex = UInt32(truncatingIfNeeded: count)
        storage.append(contentsOf: value)
        endOffsets.append(storage.count)
        slots[slotIndex] = Slot(hash: hash, indexPlusOne: newIndex + 1)
        return newIndex
    }

    /// Appends the index of every BYTE_ARRAY value to `indices`, adding new values as it goes.
    /// Value `i` is `values[endOffsets[i - 1] ..< endOffsets[i]]`, the first starting at
    /// `firstStart` — the layout ``PlainEncoder/appendByteArrays(_:endOffsets:into:)`` takes too.
    mutating func appendIndices(
        ofValues values: UnsafeRawBufferPointer,
        endOffsets valueEnds: UnsafeBufferPointer<Int>,
        firstStart: Int = 0,
        to indices: inout [UInt32]
    ) {
        indices.append(addingCapacity: valueEnds.count) { span in
            span.withUnsafeMutableBufferPointer { destination, initializedCount in
                var start = firstStart
                for position in valueEnds.indices {
                    let end = valueEnds[position]
                    destination[position] = index(of: UnsafeRawBufferPointer(rebasing: values[start..<end]))
                    start = end
                }
                initializedCount = valueEnds.count
            }
        }
    }

    /// Appends the index of every FIXED_LEN_BYTE_ARRAY value to `indices`, adding new values
    /// as it goes. `values` holds the values back to back, each `length` (> 0) bytes long.
    mutating func appendIndices(
        ofFixedLengthValues values: UnsafeRawBufferPointer,
        length: Int,
        to indices: inout [UInt32]
    ) {
        precondition(length > 0 && values.count % length == 0, "values are not a whole number of \(length)-byte values")
        let valueCount = values.count / length
        indices.append(addingCapacity: valueCount) { span in
            span.withUnsafeMutableBufferPointer { destination, initializedCount in
                for position in 0..<valueCount {
                    let start = position * length
                    destination[position] = index(
                        of: UnsafeRawBufferPointer(rebasing: values[start..<(start + length)]))
                }
                initializedCount = valueCount
            }
        }
    }

    /// Appends the PLAIN encoding of the entries (the dictionary page body): with
    /// `lengthPrefixed` (BYTE_ARRAY) each entry is a 4-byte little-endian length and its
    /// bytes; without it (FIXED_LEN_BYTE_ARRAY) the bytes alone, copied in one piece.
    func appendPlainEncoded(into output: inout [UInt8], lengthPrefixed: Bool) {
        if lengthPrefixed {
            storage.withUnsafeBytes { bytes in
                endOffsets.withUnsafeBufferPointer { ends in
                    PlainEncoder.appendByteArrays(bytes, endOffsets: ends, into: &output)
                }
            }
        } else {
            output.append(contentsOf: storage)
        }
    }

    /// Forgets every entry. With `keepingCapacity`, the table and storage stay allocated for
    /// the next column chunk.
    mutating func removeAll(keepingCapacity: Bool) {
        if keepingCapacity {
            storage.removeAll(keepingCapacity: true)
            endOffsets.removeAll(keepingCapacity: true)
            slots.withUnsafeMutableBufferPointer { $0.update(repeating: Self.emptySlot) }
        } else {
            self = Self()
        }
    }

    @inline(__always)
    private func startOffset(of index: Int) -> Int {
        index == 0 ? 0 : endOffsets[index - 1]
    }

    @inline(__always)
    private func entry(_ index: Int, equals value: UnsafeRawBufferPointer) -> Bool {
        let start = startOffset(of: index)
        let length = endOffsets[index] - start
        guard length == value.count else { return false }
        guard length > 0 else { return true }
        return storage.withUnsafeBytes { bytes in
            ByteComparison.equal(bytes.baseAddress! + start, value.baseAddress!, count: length)
        }
    }

    private mutating func grow() {
        let slotCount = slots.count * 2
        var table = [Slot](repeating: Self.emptySlot, count: slotCount)
        let shift = Self.hashShift(forSlotCount: slotCount)
        let mask = slotCount - 1
        for slot in slots where slot.indexPlusOne != 0 {
            var slotIndex = Int(truncatingIfNeeded: slot.hash >> shift)
            while table[slotIndex].indexPlusOne != 0 {
                slotIndex = (slotIndex + 1) & mask
            }
            table[slotIndex] = slot
        }
        slots = table
        hashShift = shift
        growthThreshold = slotCount / 2
    }

    private static func hashShift(forSlotCount slotCount: Int) -> UInt32 {
        UInt32(32 - slotCount.trailingZeroBitCount)
    }
}
