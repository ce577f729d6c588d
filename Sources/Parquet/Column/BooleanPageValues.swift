import ParquetEncoding

/// Page values of a BOOLEAN column, PLAIN-encoded as LSB-first bits. BOOLEAN has
/// no dictionary encoding.
struct BooleanPageValues: PageValues {
    typealias Statistics = BooleanStatistics
    typealias Dictionary = Never

    var values = PageBuffer<Bool>()

    init() {}

    var count: Int { values.count }
    var plainByteCount: Int { byteCounts(count: values.count, variableBytes: 0).plain }
    var memoryByteCount: Int { values.count }
    var variableByteCount: Int { 0 }
    /// PLAIN packs eight values a byte; the page buffer keeps one `Bool` per byte.
    @inline(__always)
    func byteCounts(count: Int, variableBytes: Int) -> (plain: Int, memory: Int) { ((count &+ 7) >> 3, count) }
    var storageByteCount: Int { values.storageByteCount }

    @inline(__always) mutating func append(_ value: Bool) { values.append(value) }
    /// Appends `source[rows]`, or with `validity` only the rows that have a value.
    @inline(__always)
    mutating func append(_ source: UnsafeBufferPointer<Bool>, rows: Range<Int>, where validity: ValidityBits?) {
        values.append(source, rows: rows, where: validity)
    }
    /// Appends the value of each of `rows` at `first + row * stride`, or with `validity`
    /// only the rows that have one.
    @inline(__always)
    mutating func append(strided first: UnsafeRawPointer, stride: Int, rows: Range<Int>, where validity: ValidityBits?)
    {
        values.append(strided: first, stride: stride, rows: rows, where: validity)
    }
    mutating func removeLast() { values.removeLast() }
    func deallocate() { values.deallocate() }
    var unencodedByteArrayBytes: Int? { nil }
    mutating func releaseStorage() { values.releaseStorage() }
    func withoutStorage() -> Self {
        var empty = Self()
        empty.values = values.withoutStorage()
        return empty
    }
    mutating func removeAll() { values.removeAll() }

    func encodePlain(into output: inout [UInt8]) {
        values.withUnsafeBufferPointer { PlainEncoder.appendBooleans($0, into: &output) }
    }

    func encode(_ encoding: PageValueEncoding, into output: inout [UInt8]) {
        switch encoding {
        case .plain: encodePlain(into: &output)
        case .rle: values.withUnsafeBufferPointer { BooleanRLEEncoder.encode($0, into: &output) }
        default: preconditionFailure("\(encoding) does not apply to booleans")
        }
    }

    /// Counted when the page is encoded, off the appending thread.
    func accumulate(into statistics: inout Statistics) {
        let trueCount = values.withUnsafeBufferPointer { all in
            all.reduce(0) { $0 &+ Int(unsafeBitCast($1, to: UInt8.self)) }
        }
        if trueCount > 0 { statistics.sawTrue = true }
        if trueCount < values.count { statistics.sawFalse = true }
    }

    func insertHashes(into filter: inout SplitBlockBloomFilter) {
        preconditionFailure("BOOLEAN columns take no bloom filter (refused by WriterOptions.validate)")
    }

    static func makeDictionary(typeLength: Int) -> Never? { nil }
    func plainByteCount(prefix: Int) -> Int { (prefix &+ 7) >> 3 }
    func appendIndices(into dictionary: inout Never, indices: inout [UInt32], positions: Range<Int>) {}
    static func dictionaryCount(_ dictionary: Never) -> Int {}
    static func dictionaryMemoryByteCount(_ dictionary: Never) -> Int {}
    func dictionaryPlainByteCount(_ dictionary: Never) -> Int {}
    func encodeDictionaryPlain(_ dictionary: Never, into output: inout [UInt8]) {}
}
