/// The codec that compresses a column's pages.
public enum Compression: Hashable, Sendable {
    case uncompressed
    case snappy
    /// GZIP (deflate with a gzip header) at zlib level 1...9.
    case gzip(level: Int32 = 6)
    /// ZSTD at a level from 1 to 22 (negative levels trade ratio for speed).
    case zstd(level: Int32 = 3)
    /// LZ4 raw block format (LZ4_RAW), not the deprecated Hadoop framing.
    case lz4Raw
}
