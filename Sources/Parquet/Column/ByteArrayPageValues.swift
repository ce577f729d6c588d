import ParquetEncoding
import ParquetFormat

/// Page values of BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY columns: every value's bytes
/// back to back in one buffer, with the end offset of each value.
struct ByteArrayPageValues: PageValues {
    typealias Statistics = ByteArrayStatistics
    typealias Dictionary = ByteArrayDictionary

    var bytes = PageBuffer<UInt8>()
    var ends = PageBuffer<Int>()
    /// The FIXED_LEN_BYTE_ARRAY length, or 0 for BYTE_ARRAY (whose PLAIN values carry a length prefix).
    let fixedLength: Int
    let order: StatisticsOrder

    init(fixedLength: Int, order: StatisticsOrder) {
        self.fixedLength = fixedLength
        self.order = order
    }

    var count: Int { ends.count }
    var plainByteCount: Int { byteCounts(count: ends.count, variableBytes: bytes.count).plain }
    var memoryByteCount: Int { byteCounts(count: ends.count, variableBytes: bytes.count).memory }
    var variableByteCount: Int { bytes.count }
    /// PLAIN prefixes each BYTE_ARRAY value with a 4-byte length; the page buffer keeps an end offset per value.
    @inline(__always)
    func byteCounts(count: Int, variableBytes: Int) -> (plain: Int, memory: Int) {
        (
            fixedLength > 0 ? variableBytes : variableBytes &+ 4 &* count,
            variableBytes &+ count &* MemoryLayout<Int>.stride
        )
    }
    var storageByteCount: Int { bytes.storageByteCount &+ ends.storageByteCount }

    @inline(__always) mutating func append(_ value: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: value.assumingMemoryBound(to: UInt8.self))
        ends.append(bytes.count)
    }

    /// Appends the values of `rows` from Arrow-style buffers, where row `i`'s bytes are
    /// `source[offsets[i]..<offsets[i + 1]]`; with `validity`, only the rows that have a
    /// value. The bytes of each run of valid rows are copied in one piece.
    mutating func append(
        rows: Range<Int>, of source: UnsafeRawBufferPointer, offsets: UnsafeBufferPointer<Int32>,
        where validity: ValidityBits?
    ) {
        var row = rows.lowerBound
        while row < rows.upperBound {
            var runEnd = row
            while runEnd < rows.upperBound && validity?[runEnd] ?? true { runEnd &+= 1 }
            if runEnd > row {
                let first = Int(offsets[row])
                let shift = bytes.count &- first
                bytes.append(
                    contentsOf: UnsafeRawBufferPointer(rebasing: source[first..<Int(offsets[runEnd])])
                        .assumingMemoryBound(to: UInt8.self))
                for valid in row..<runEnd { ends.append(shift &+ Int(offsets[valid &+ 1])) }
            }
            row = runEnd
            while row < rows.upperBound && !(validity?[row] ?? true) { row &+= 1 }
        }
    }

    /// Appends an integer as `length` bytes of big-endian two's complement (a DECIMAL
    /// on FIXED_LEN_BYTE_ARRAY), sign-extended past 16 bytes.
    mutating func append(bigEndianBytes value: Int128, length: Int) {
        bytes.append(bigEndianBytes: value, length: length)
        ends.append(bytes.count)
    }

    mutating func removeLast() {
        ends.removeLast()
        bytes.truncate(to: ends.last ?? 0)
    }

    func deallocate() {
        bytes.deallocate()
        ends.deallocate()
    }
    var unencodedByteArrayBytes: Int? { fixedLength == 0 ? bytes.count : nil }
    mutating func releaseStorage() {
        bytes.releaseStorage()
        ends.releaseStorage()
    }
    func withoutStorage() -> Self {
        var empty = self
        empty.bytes = bytes.withoutStorage()
        empty.ends = ends.withoutStorage()
        return empty
    }
    mutating func removeAll() {
        bytes.removeAll()
        ends.removeAll()
    }

    func encodePlain(into output: inout [UInt8]) {
        if fixedLength > 0 {
            bytes.withUnsafeBytes { output.append(contentsOf: $0) }
        } else {
            bytes.withUnsafeBytes { storage in
                ends.withUnsafeBufferPointer { PlainEncoder.appendByteArrays(storage, endOffsets: $0, into: &output) }
            }
        }
    }

    func encode(_ encoding: PageValueEncoding, into output: inout [UInt8]) {
        switch encoding {
        case .plain:
            encodePlain(into: &output)
        case .byteStreamSplit:
            bytes.withUnsafeBytes { ByteStreamSplitEncoder.encode($0, width: fixedLength, into: &output) }
        case .deltaLengthByteArray:
            bytes.withUnsafeBytes { storage in
                ends.withUnsafeBufferPointer {
                    DeltaLengthByteArrayEncoder.encode(storage, endOffsets: $0, into: &output)
                }
            }
        case .deltaByteArray:
            bytes.withUnsafeBytes { storage in
                ends.withUnsafeBufferPointer { DeltaByteArrayEncoder.encode(storage, endOffsets: $0, into: &output) }
            }
        case .dictionaryIndices, .deltaBinaryPacked, .rle:
            preconditionFailure("\(encoding) does not apply to byte arrays")
        }
    }

    func accumulate(into statistics: inout Statistics) {
        guard !ends.isEmpty else { return }
        bytes.withUnsafeBytes { storage in
            ends.withUnsafeBufferPointer { ends in
                var low = UnsafeRawBufferPointer(rebasing: storage[0..<ends[0]])
                var high = low
                var start = 0
                for end in ends {
                    let value = UnsafeRawBufferPointer(rebasing: storage[start..<end])
                    if order.isLess(value, low) { low = value }
                    if order.isLess(high, value) { high = value }
                    start = end
                }
                statistics.include(min: low, max: high, order: order)
            }
        }
    }

    func insertHashes(into filter: inout SplitBlockBloomFilter) {
        bytes.withUnsafeBytes { storage in
            ends.withUnsafeBufferPointer { ends in
                var start = 0
                for end in ends {
                    filter.insert(hash: XXHash64.hash(UnsafeRawBufferPointer(rebasing: storage[start..<end])))
                    start = end
                }
            }
        }
    }

    static func makeDictionary(typeLength: Int) -> Dictionary? { Dictionary() }

    func plainByteCount(prefix: Int) -> Int {
        let byteCount = prefix == 0 ? 0 : ends[prefix - 1]
        return fixedLength > 0 ? byteCount : byteCount &+ 4 &* prefix
    }

    func appendIndices(into dictionary: inout Dictionary, indices: inout [UInt32], positions: Range<Int>) {
        let firstStart = positions.lowerBound == 0 ? 0 : ends[positions.lowerBound - 1]
        bytes.withUnsafeBytes { storage in
            if fixedLength > 0 {
                let range = firstStart..<(firstStart + positions.count * fixedLength)
                dictionary.appendIndices(
                    ofFixedLengthValues: UnsafeRawBufferPointer(rebasing: storage[range]), length: fixedLength,
                    to: &indices)
            } else {
                ends.withUnsafeBufferPointer { allEnds in
                    dictionary.appendIndices(
                        ofValues: storage, endOffsets: UnsafeBufferPointer(rebasing: allEnds[positions]),
                        firstStart: firstStart, to: &indices)
                }
            }
        }
    }

    static func dictionaryCount(_ dictionary: Dictionary) -> Int { dictionary.count }
    static func dictionaryMemoryByteCount(_ dictionary: Dictionary) -> Int { dictionary.memoryByteCount }
    func dictionaryPlainByteCount(_ dictionary: Dictionary) -> Int {
        dictionary.plainEncodedByteCount(lengthPrefixed: fixedLength == 0)
    }
    func encodeDictionaryPlain(_ dictionary: Dictionary, into output: inout [UInt8]) {
        dictionary.appendPlainEncoded(into: &output, lengthPrefixed: fixedLength == 0)
    }
}
