/// A page compression codec as recorded in a Parquet file.
///
/// The raw values are the `CompressionCodec` enum values of `parquet.thrift`, so a column
/// chunk's metadata can store `rawValue` directly. LZO, which this module cannot handle,
/// is deliberately absent.
public enum CompressionCodec: Int32, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// No compression.
    case uncompressed = 0
    /// Snappy (raw format, no framing).
    case snappy = 1
    /// Deflate in a gzip (RFC 1952) wrapper.
    case gzip = 2
    /// Brotli; readable through libbrotlidec, never written.
    case brotli = 4
    /// The deprecated `LZ4` codec: LZ4 blocks in Hadoop's framing. Readable, never written.
    case lz4Hadoop = 5
    /// Zstandard frames.
    case zstd = 6
    /// The `LZ4_RAW` codec: one plain LZ4 block.
    case lz4Raw = 7

    /// The codec's name as spelled in `parquet.thrift`.
    public var description: String {
        switch self {
        case .uncompressed: "UNCOMPRESSED"
        case .snappy: "SNAPPY"
        case .gzip: "GZIP"
        case .brotli: "BROTLI"
        case .lz4Hadoop: "LZ4"
        case .zstd: "ZSTD"
        case .lz4Raw: "LZ4_RAW"
        }
    }
}
