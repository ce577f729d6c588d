/// A Thrift struct or union that can be written and read with the compact protocol.
///
/// `encode(to:)` writes the complete struct, including its stop byte, so a value
/// can be encoded on its own or as a field of another struct.
public protocol ThriftCodable: Sendable {
    /// The struct's name in parquet.thrift, used in error messages.
    static var thriftName: String { get }

    /// The name of field `id` in parquet.thrift, used in error messages; nil if unknown.
    static func thriftFieldName(_ id: Int16) -> String?

    /// Appends the compact encoding of `self` to `encoder`.
    func encode(to encoder: inout CompactEncoder)

    /// Reads one struct from `decoder`, skipping fields it does not know.
    init(from decoder: inout CompactDecoder) throws(ThriftDecodingError)
}

extension ThriftCodable {
    /// The compact encoding of `self` in a new array.
    public func encoded() -> [UInt8] {
        var encoder = CompactEncoder()
        encode(to: &encoder)
        return encoder.bytes
    }

    /// Decodes a value that occupies all of `bytes`.
    ///
    /// Trailing bytes after the struct are an error, because a footer or
    /// index whose length is known exactly should not contain any.
    public static func decode(_ bytes: [UInt8]) throws(ThriftDecodingError) -> Self {
        var decoder = CompactDecoder(bytes)
        let value = try Self(from: &decoder)
        guard decoder.isAtEnd else {
            throw decoder.error("\(decoder.remainingCount) unexpected bytes after the end of \(thriftName)")
        }
        return value
    }

    /// Decodes a value starting at `offset` in a larger buffer, for example a page
    /// header in the middle of a column chunk, and returns how many bytes it used.
    public static func decode(
        _ bytes: [UInt8], at offset: Int
    ) throws(ThriftDecodingError) -> (value: Self, byteCount: Int) {
        // An offset past the end gives an empty range, which fails to decode.
        var decoder = CompactDecoder(bytes, range: offset..<Swift.max(offset, bytes.count))
        let value = try Self(from: &decoder)
        return (value, decoder.bytesConsumed)
    }
}
