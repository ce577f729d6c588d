import ParquetCompression
import ParquetFormat

/// The codec that compresses a column's pages.
public enum Compression: Hashable, Sendable {
    /// No compression.
    case uncompressed
    /// Snappy.
    case snappy
    /// GZIP (deflate with a gzip header) at zlib level 0...9. The default, 6, is zlib's own
    /// (`Z_DEFAULT_COMPRESSION`), which is what pyarrow's GZIP pages are compressed at.
    case gzip(level: Int32 = 6)
    /// ZSTD at a level from 1 to 22 (negative levels trade ratio for speed). The default,
    /// 3, is zstd's own (`ZSTD_CLEVEL_DEFAULT`), which polars also uses; pyarrow's is 1.
    case zstd(level: Int32 = 3)
    /// LZ4 raw block format (LZ4_RAW), not the deprecated Hadoop framing.
    case lz4Raw
}

extension Compression {
    /// The codec as ColumnMetaData records it.
    var codec: CompressionCodec {
        switch self {
        case .uncompressed: .uncompressed
        case .snappy: .snappy
        case .gzip: .gzip
        case .zstd: .zstd
        case .lz4Raw: .lz4Raw
        }
    }

    /// The level, for the codecs that have one.
    var level: Int32? {
        switch self {
        case .uncompressed, .snappy, .lz4Raw: nil
        case .gzip(let level), .zstd(let level): level
        }
    }
}
