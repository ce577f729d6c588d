import ParquetEncoding

/// FIXED_LEN_BYTE_ARRAY values of one width, stored back to back.
public struct FixedLengthByteArrayValues: Sendable, Hashable {
    /// Bytes per value.
    public let byteWidth: Int
    /// Every value's bytes, concatenated.
    public private(set) var bytes: [UInt8]
    /// Number of values (kept separately so that zero-width values can be counted).
    public private(set) var count: Int

    /// No values, of `byteWidth` bytes each.
    public init(byteWidth: Int) {
        self.byteWidth = byteWidth
        bytes = []
        count = 0
    }

    /// The bytes of value `index`.
    public subscript(index: Int) -> ArraySlice<UInt8> {
        bytes[(index * byteWidth)..<((index + 1) * byteWidth)]
    }

    /// Appends `valueCount` values that `body` writes straight into the buffer.
    mutating func appendInPlace<Failure: Error>(
        valueCount: Int, _ body: (UnsafeMutablePointer<UInt8>) throws(Failure) -> Void
    ) throws(Failure) {
        try bytes.appendUninitialized(count: valueCount * byteWidth, body)
        count += valueCount
    }

    /// Appends values whose bytes lie back to back in `data`.
    mutating func append(_ data: UnsafeRawBufferPointer, valueCount: Int) {
        bytes.append(contentsOf: data)
        count += valueCount
    }
}
