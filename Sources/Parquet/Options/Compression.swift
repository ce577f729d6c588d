import ParquetCompression
import ParquetFormat

/// The codec that compresses a column's pages.
public enum Compression: Hashable, Sendable {
    /// No compression.
    case uncompressed
    /// Snappy.
    case snappy
    /// GZIP (deflate with a gzip header) at zlib level 1...9.
    case gzip(level: Int32 = 6)
    /// ZSTD at a level from 1 to 22 (negative levels trade ratio for speed).
    case zstd(level: Int32 = 3)
    /// LZ4 raw block format (LZ4_RAW), not the deprecated Hadoop framing.
    case lz4Raw
}

extension Compression {
    /// The codec and level for the compression library.
    var kind: CompressionKind {
        switch self {
        case .uncompressed: .uncompressed
        case .snappy: .snappy
        case .gzip(let level): .gzip(level: level)
        case .zstd(let level): .zstd(level: level)
        case .lz4Raw: .lz4Raw
        }
    }

    /// The codec as ColumnMetaData records it.
    var formatCodec: ParquetFormat.CompressionCodec {
        ParquetFormat.CompressionCodec(rawValue: kind.codec.rawValue)
    }
}
