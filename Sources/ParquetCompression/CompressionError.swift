import ParquetFormat

/// A failure to set up a codec, compress a page, or decompress a page.
public struct CompressionError: Error, Sendable, CustomStringConvertible {
    /// What was being attempted when the codec failed.
    public enum Operation: String, Sendable {
        /// Creating the codec's native context.
        case setup
        /// Compressing a page.
        case compression
        /// Decompressing a page.
        case decompression
    }

    /// The codec that failed.
    public let codec: CompressionCodec
    /// What was being done.
    public let operation: Operation
    /// A human-readable reason, including the native library's message when it gives one.
    public let reason: String

    /// A failure of `codec` during `operation`, for `reason`.
    public init(codec: CompressionCodec, operation: Operation, reason: String) {
        self.codec = codec
        self.operation = operation
        self.reason = reason
    }

    public var description: String {
        "\(codec) \(operation.rawValue) failed: \(reason)"
    }
}
