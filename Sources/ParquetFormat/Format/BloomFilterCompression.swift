/// How a Bloom filter bitset is compressed (parquet.thrift union `BloomFilterCompression`).
public enum BloomFilterCompression: ThriftCodable, Hashable {
    /// The bitset is stored as is (`UNCOMPRESSED`).
    case uncompressed
    /// A compression added to the format after this library was written.
    case unrecognized(UnrecognizedUnionMember)

    public static var thriftName: String { "BloomFilterCompression" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "UNCOMPRESSED"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        switch self {
        case .uncompressed: encoder.writeEmptyStructField(1)
        case .unrecognized(let member): encoder.writeUnrecognizedMember(member)
        }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        self = try decoder.readUnion(Self.self, unrecognized: Self.unrecognized) {
            (decoder: inout CompactDecoder, field: FieldHeader) throws(ThriftDecodingError) -> Self? in
            switch (field.id, field.type) {
            case (1, .struct): return try decoder.readEmptyStruct(as: .uncompressed)
            default: return nil
            }
        }
    }
}
