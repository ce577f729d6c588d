import ParquetCompression
import ParquetFormat

/// A way to compress pages: a codec and, for gzip and zstd, a level.
struct Setting: Hashable, Sendable, CustomStringConvertible {
    let codec: CompressionCodec
    let level: Int32?

    static let uncompressed = Setting(codec: .uncompressed, level: nil)
    static let snappy = Setting(codec: .snappy, level: nil)
    static let lz4Raw = Setting(codec: .lz4Raw, level: nil)
    static func gzip(level: Int32 = 6) -> Setting { Setting(codec: .gzip, level: level) }
    static func zstd(level: Int32 = 3) -> Setting { Setting(codec: .zstd, level: level) }

    func compressor() throws -> PageCompressor { try PageCompressor(codec, level: level) }

    var description: String { level.map { "\(codec)(\($0))" } ?? codec.description }
}
