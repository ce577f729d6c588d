import ParquetEncoding

/// The split-block Bloom filter of one column chunk, read from a file, for asking whether
/// a value may occur in the chunk.
///
/// A filter has no false negatives: ``mightContain(plainEncoded:)`` returning `false`
/// proves the value is absent from the chunk, while `true` means only that it may be
/// present. Values are compared by their PLAIN encoding, as the format hashes them.
public struct BloomFilter: Sendable {
    private let filter: SplitBlockBloomFilter
    /// Size of the bitset in bytes.
    public let byteCount: Int

    /// A filter over a stored bitset: a non-zero multiple of 32 bytes.
    init(bitset: [UInt8]) {
        filter = SplitBlockBloomFilter(bitset: bitset)
        byteCount = bitset.count
    }

    /// Whether a value whose PLAIN encoding is `bytes` may occur in the column chunk.
    ///
    /// For BYTE_ARRAY values the encoding is the bytes alone, without the length prefix
    /// PLAIN pages store; for numbers it is their little-endian bytes.
    public func mightContain(plainEncoded bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { filter.mightContain(hash: XXHash64.hash($0)) }
    }

    /// Whether the INT32 value `value` may occur in the column chunk.
    public func mightContain(_ value: Int32) -> Bool {
        mightContain(plainEncoded: withUnsafeBytes(of: value.littleEndian) { Array($0) })
    }

    /// Whether the INT64 value `value` may occur in the column chunk.
    public func mightContain(_ value: Int64) -> Bool {
        mightContain(plainEncoded: withUnsafeBytes(of: value.littleEndian) { Array($0) })
    }

    /// Whether the FLOAT value `value` may occur in the column chunk.
    public func mightContain(_ value: Float) -> Bool {
        mightContain(plainEncoded: withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) })
    }

    /// Whether the DOUBLE value `value` may occur in the column chunk.
    public func mightContain(_ value: Double) -> Bool {
        mightContain(plainEncoded: withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) })
    }

    /// Whether the string `value`, as UTF-8 bytes in a BYTE_ARRAY column, may occur in the
    /// column chunk.
    public func mightContain(_ value: String) -> Bool {
        mightContain(plainEncoded: Array(value.utf8))
    }
}
