/// Page values of BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY columns: every value's bytes
/// back to back in one buffer, with the end offset of each value.
struct ByteArrayColumnValues: ColumnValues {
    typealias Statistics = ByteArrayStatistics
    typealias Dictionary = ByteArrayDictionary

    var bytes: [UInt8] = []
    var ends: [Int] = []
    /// The FIXED_LEN_BYTE_ARRAY length, or 0 for BYTE_ARRAY (whose PLAIN values carry a length prefix).
    let fixedLength: Int
    let order: StatisticsOrder

    init(fixedLength: Int, order: StatisticsOrder) {
        self.fixedLength = fixedLength
        self.order = order
    }

    var count: Int { ends.count }
    var plainByteCount: Int { fixedLength > 0 ? bytes.count : bytes.count &+ 4 &* ends.count }

    @inline(__always) mutating func append(_ value: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: value)
        ends.append(bytes.count)
    }

    mutating func removeLast() {
        ends.removeLast()
        bytes.removeSubrange((ends.last ?? 0)...)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with each value's bytes, in order.
    @inline(__always)
    func forEachValue(_ body: (UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes { storage in
            var start = 0
            for end in ends {
                body(UnsafeRawBufferPointer(rebasing: storage[start..<end]))
                start = end
            }
        }
    }

    func encodePlain(into output: inout [UInt8]) {
        if fixedLength > 0 {
            output.append(contentsOf: bytes)
        } else {
            bytes.withUnsafeBytes { storage in
                ends.withUnsafeBufferPointer { PlainEncoder.appendByteArrays(storage, endOffsets: $0, into: &output) }
            }
        }
    }

    func accumulate(into statistics: inout Statistics) {
        guard !ends.isEmpty else { return }
        bytes.withUnsafeBytes { storage in
            var low = UnsafeRawBufferPointer(rebasing: storage[0..<ends[0]])
            var high = low
            var start = 0
            for end in ends {
                let value = UnsafeRawBufferPointer(rebasing: storage[start..<end])
                if ByteOrdering.isLess(value, low, order: order) { low = value }
                if ByteOrdering.isLess(high, value, order: order) { high = value }
                start = end
            }
            statistics.include(min: low, max: high, order: order)
        }
    }

    static func makeDictionary(typeLength: Int) -> Dictionary? { Dictionary() }

    func appendIndices(into dictionary: inout Dictionary, indices: inout [UInt32]) {
        indices.reserveCapacity(indices.count + ends.count)
        forEachValue { indices.append(dictionary.index(of: $0)) }
    }

    static func dictionaryCount(_ dictionary: Dictionary) -> Int { dictionary.count }
    func dictionaryPlainByteCount(_ dictionary: Dictionary) -> Int {
        dictionary.plainEncodedByteCount(lengthPrefixed: fixedLength == 0)
    }
    func encodeDictionaryPlain(_ dictionary: Dictionary, into output: inout [UInt8]) {
        dictionary.appendPlainEncoded(into: &output, lengthPrefixed: fixedLength == 0)
    }
}
