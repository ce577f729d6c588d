/// How a writer compresses its pages: a codec plus, where the codec has one, its level.
///
/// Only codecs worth writing today are offered; the deprecated Hadoop-framed LZ4 is
/// readable through ``PageDecompressor`` but cannot be chosen here.
public enum CompressionKind: Sendable, Hashable {
    /// No compression.
    case uncompressed
    /// Snappy (raw format).
    case snappy
    /// Deflate in a gzip (RFC 1952) wrapper; `level` is zlib's 0...9.
    case gzip(level: Int32 = CompressionKind.defaultGzipLevel)
    /// Zstandard; `level` is anything from `ZSTD_minCLevel()` to `ZSTD_maxCLevel()`.
    case zstd(level: Int32 = CompressionKind.defaultZstdLevel)
    /// One raw LZ4 block per page (`LZ4_RAW`).
    case lz4Raw

    /// zlib's own default (`Z_DEFAULT_COMPRESSION` is level 6). Arrow C++, and so pyarrow,
    /// always passes `Z_DEFAULT_COMPRESSION` as deflate's level (its configurable "level",
    /// default 9, lands in `deflateInit2`'s memLevel argument), so level 6 reproduces the
    /// compression of pyarrow's GZIP pages.
    public static let defaultGzipLevel: Int32 = 6

    /// Zstandard's own default level (`ZSTD_CLEVEL_DEFAULT`), which is also what Arrow C++
    /// and pyarrow use when no level is given.
    public static let defaultZstdLevel: Int32 = 3

    /// The codec recorded in the file for pages compressed this way.
    public var codec: CompressionCodec {
        switch self {
        case .uncompressed: .uncompressed
        case .snappy: .snappy
        case .gzip: .gzip
        case .zstd: .zstd
        case .lz4Raw: .lz4Raw
        }
    }
}
