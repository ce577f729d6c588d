import ParquetEncoding
import ParquetFormat

/// Page values of INT32, INT64, FLOAT, DOUBLE and FLOAT16 columns: PLAIN encoding is
/// the little-endian memory image, so encoding is a single bulk copy.
struct FixedWidthPageValues<Value: FixedWidthValue>: PageValues {
    typealias Statistics = FixedWidthStatistics<Value>
    typealias Dictionary = FixedWidthDictionary<Value.Bits>

    var values = PageBuffer<Value>()
    let order: StatisticsOrder

    init(order: StatisticsOrder) { self.order = order }

    var count: Int { values.count }
    var plainByteCount: Int { byteCounts(count: values.count, variableBytes: 0).plain }
    var memoryByteCount: Int { plainByteCount }
    var variableByteCount: Int { 0 }
    @inline(__always)
    func byteCounts(count: Int, variableBytes: Int) -> (plain: Int, memory: Int) {
        (count &* MemoryLayout<Value>.stride, count &* MemoryLayout<Value>.stride)
    }
    var storageByteCount: Int { values.storageByteCount }

    @inline(__always) mutating func append(_ value: Value) { values.append(value) }
    /// Appends `source[rows]`, or with `validity` only the rows that have a value.
    @inline(__always)
    mutating func append(_ source: UnsafeBufferPointer<Value>, rows: Range<Int>, where validity: ValidityBits?) {
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
    mutating func removeAll() { values.removeAll() }
    mutating func releaseStorage() { values.releaseStorage() }
    func withoutStorage() -> Self {
        var empty = self
        empty.values = values.withoutStorage()
        return empty
    }

    func encodePlain(into output: inout [UInt8]) {
        values.withUnsafeBytes { output.append(contentsOf: $0) }
    }

    func encode(_ encoding: PageValueEncoding, into output: inout [UInt8]) {
        switch encoding {
        case .plain:
            encodePlain(into: &output)
        case .byteStreamSplit:
            values.withUnsafeBytes { ByteStreamSplitEncoder.encode($0, width: MemoryLayout<Value>.size, into: &output) }
        case .deltaBinaryPacked:
            // Only INT32 and INT64 columns get here; their values are Int32 and Int64.
            values.withUnsafeBytes { bytes in
                if MemoryLayout<Value>.size == 4 {
                    bytes.withMemoryRebound(to: Int32.self) { DeltaBinaryPackedEncoder.encode($0, into: &output) }
                } else {
                    bytes.withMemoryRebound(to: Int64.self) { DeltaBinaryPackedEncoder.encode($0, into: &output) }
                }
            }
        case .deltaByteArray:
            // FLOAT16, the one FIXED_LEN_BYTE_ARRAY kept as fixed-width values.
            values.withUnsafeBytes {
                DeltaByteArrayEncoder.encode(fixedLengthValues: $0, length: MemoryLayout<Value>.size, into: &output)
            }
        case .dictionaryIndices, .deltaLengthByteArray, .rle:
            preconditionFailure("\(encoding) does not apply to fixed-width values")
        }
    }

    func accumulate(into statistics: inout Statistics) {
        values.withUnsafeBufferPointer { Value.accumulate($0, order: order, into: &statistics) }
    }

    func insertHashes(into filter: inout SplitBlockBloomFilter) {
        let width = MemoryLayout<Value>.size
        values.withUnsafeBytes { bytes in
            var start = 0
            while start < bytes.count {
                filter.insert(hash: XXHash64.hash(UnsafeRawBufferPointer(rebasing: bytes[start..<(start + width)])))
                start += width
            }
        }
    }

    static func makeDictionary(typeLength: Int) -> Dictionary? { Dictionary() }

    func plainByteCount(prefix: Int) -> Int { prefix &* MemoryLayout<Value>.stride }

    func appendIndices(into dictionary: inout Dictionary, indices: inout [UInt32], positions: Range<Int>) {
        values.withUnsafeBufferPointer { buffer in
            UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[positions])).withMemoryRebound(
                to: Value.Bits.self
            ) { keys in
                dictionary.appendIndices(of: keys, to: &indices)
            }
        }
    }

    static func dictionaryCount(_ dictionary: Dictionary) -> Int { dictionary.count }
    static func dictionaryMemoryByteCount(_ dictionary: Dictionary) -> Int { dictionary.memoryByteCount }
    func dictionaryPlainByteCount(_ dictionary: Dictionary) -> Int { dictionary.plainEncodedByteCount }
    func encodeDictionaryPlain(_ dictionary: Dictionary, into output: inout [UInt8]) {
        dictionary.appendPlainEncoded(into: &output)
    }
}
