/// The hash function of a Bloom filter (parquet.thrift union `BloomFilterHash`).
public enum BloomFilterHash: ThriftCodable, Hashable {
    /// 64-bit xxHash of the PLAIN-encoded value.
    case xxHash
    /// A hash function added to the format after this library was written.
    case unrecognized(UnrecognizedUnionMember)

    public static var thriftName: String { "BloomFilterHash" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "XXHASH"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        switch self {
        case .xxHash: encoder.writeEmptyStructField(1)
        case .unrecognized(let member): encoder.writeUnrecognizedMember(member)
        }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        self = try decoder.readUnion(Self.self, unrecognized: Self.unrecognized) {
            (decoder: inout CompactDecoder, field: FieldHeader) throws(ThriftDecodingError) -> Self? in
            switch (field.id, field.type) {
            case (1, .struct): return try decoder.readEmptyStruct(as: .xxHash)
            default: return nil
            }
        }
    }
}
