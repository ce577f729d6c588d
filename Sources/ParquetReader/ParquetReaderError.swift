import ParquetFormat

/// Why a Parquet file could not be read: the file byte offset where the problem was
/// found, the structure being read there, and what was wrong.
///
/// Corrupt or truncated input always surfaces as this error, never as a crash.
public struct ParquetReaderError: Error, CustomStringConvertible, Sendable, Hashable {
    /// Byte offset in the file, or nil when the problem is not tied to one position
    /// (for example a file that cannot be opened).
    public var offset: Int?
    /// The structure being read, such as `footer` or
    /// `row group 0, column a.b, page 3 (data page v2)`.
    public var structure: String
    /// What was wrong.
    public var message: String

    /// An error at byte `offset` (nil when not tied to a position) while reading `structure`.
    public init(offset: Int?, structure: String, message: String) {
        self.offset = offset
        self.structure = structure
        self.message = message
    }

    /// A Thrift decoding failure in a buffer that starts at file offset `base`.
    init(_ thriftError: ThriftDecodingError, base: Int, structure: String) {
        var message = thriftError.message
        if !thriftError.path.isEmpty {
            message = "in \(thriftError.path): " + message
        }
        self.init(offset: base + thriftError.offset, structure: structure, message: message)
    }

    public var description: String {
        if let offset {
            return "\(structure) at byte \(offset): \(message)"
        }
        return "\(structure): \(message)"
    }
}
