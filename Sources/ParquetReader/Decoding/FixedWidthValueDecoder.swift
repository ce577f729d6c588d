import ParquetEncoding
import ParquetFormat

/// A physical type stored as fixed-width little-endian values: INT32, INT64, FLOAT,
/// DOUBLE and INT96.
protocol FixedWidthPhysicalValue: BitwiseCopyable, Sendable {
    /// Wraps a buffer of values as the matching `ColumnValues` case.
    static func columnValues(_ values: [Self]) -> ColumnValues
}

extension Int32: FixedWidthPhysicalValue {
    static func columnValues(_ values: [Int32]) -> ColumnValues { .int32(values) }
}

extension Int64: FixedWidthPhysicalValue {
    static func columnValues(_ values: [Int64]) -> ColumnValues { .int64(values) }
}

extension Float: FixedWidthPhysicalValue {
    static func columnValues(_ values: [Float]) -> ColumnValues { .float(values) }
}

extension Double: FixedWidthPhysicalValue {
    static func columnValues(_ values: [Double]) -> ColumnValues { .double(values) }
}

extension Int96: FixedWidthPhysicalValue {
    static func columnValues(_ values: [Int96]) -> ColumnValues { .int96(values) }
}

/// Decodes INT32, INT64, FLOAT, DOUBLE and INT96 pages: PLAIN by bulk copy, dictionary
/// indices by gathering, BYTE_STREAM_SPLIT, and (for the integers) DELTA_BINARY_PACKED.
final class FixedWidthValueDecoder<Value: FixedWidthPhysicalValue>: PageValueDecoder {
    /// Decodes a DELTA_BINARY_PACKED section; nil for types that cannot use it.
    typealias DeltaDecoding = (UnsafeRawBufferPointer, Int, inout [Value]) throws(DecodingFailure) -> Int

    private let typeName: String
    private let allowsByteStreamSplit: Bool
    private let deltaDecoding: DeltaDecoding?
    private var values: [Value] = []
    private var dictionary: [Value]?
    private var indices: [UInt32] = []

    /// `INT96` files predate BYTE_STREAM_SPLIT and DELTA_BINARY_PACKED, so neither is allowed.
    init(typeName: String, allowsByteStreamSplit: Bool, deltaDecoding: DeltaDecoding?) {
        self.typeName = typeName
        self.allowsByteStreamSplit = allowsByteStreamSplit
        self.deltaDecoding = deltaDecoding
    }

    var count: Int { values.count }
    var dictionarySize: Int? { dictionary?.count }

    func setDictionary(_ input: UnsafeRawBufferPointer, count: Int) throws(DecodingFailure) {
        var entries: [Value] = []
        try Self.appendPlain(input, count: count, into: &entries)
        dictionary = entries
    }

    func append(_ input: UnsafeRawBufferPointer, encoding: Encoding, count: Int) throws(DecodingFailure) {
        switch encoding {
        case .plain:
            try Self.appendPlain(input, count: count, into: &values)
        case _ where encoding.isDictionary:
            guard let dictionary else { throw missingDictionary() }
            try DictionaryIndices.decode(input, count: count, dictionarySize: dictionary.count, into: &indices)
            dictionary.withUnsafeBufferPointer { entries in
                indices.withUnsafeBufferPointer { indices in
                    values.appendUninitialized(count: count) { target in
                        for position in 0..<count {
                            target[position] = entries[Int(indices[position])]
                        }
                    }
                }
            }
        case .byteStreamSplit where allowsByteStreamSplit:
            try values.appendUninitialized(count: count) { (target) throws(DecodingFailure) in
                try ByteStreamSplitDecoder.decode(input, count: count, width: MemoryLayout<Value>.stride, into: target)
            }
        case .deltaBinaryPacked:
            guard let deltaDecoding else { throw unsupported(encoding, typeName) }
            _ = try deltaDecoding(input, count, &values)
        default:
            throw unsupported(encoding, typeName)
        }
    }

    func takeValues() -> ColumnValues {
        defer { values = [] }
        return Value.columnValues(values)
    }

    /// PLAIN is the values' little-endian bytes back to back, so it is one copy.
    private static func appendPlain(_ input: UnsafeRawBufferPointer, count: Int, into output: inout [Value])
        throws(DecodingFailure)
    {
        let bytes = try PlainDecoder.fixedWidthValues(input, count: count, width: MemoryLayout<Value>.stride)
        output.appendUninitialized(count: count) { target in
            UnsafeMutableRawPointer(target).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        }
    }
}
