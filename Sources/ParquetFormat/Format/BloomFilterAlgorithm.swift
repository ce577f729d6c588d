/// How a Bloom filter sets bits (parquet.thrift union `BloomFilterAlgorithm`).
public enum BloomFilterAlgorithm: ThriftCodable, Hashable {
    /// The split block Bloom filter (`SplitBlockAlgorithm`).
    case splitBlock
    /// An algorithm added to the format after this library was written.
    case unrecognized(UnrecognizedUnionMember)

    public static var thriftName: String { "BloomFilterAlgorithm" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "BLOCK"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        switch self {
        case .splitBlock: encoder.writeEmptyStructField(1)
        case .unrecognized(let member): encoder.writeUnrecognizedMember(member)
        }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        self = try decoder.readUnion(Self.self, unrecognized: Self.unrecognized) {
            (decoder: inout CompactDecoder, field: FieldHeader) throws(ThriftDecodingError) -> Self? in
            switch (field.id, field.type) {
            case (1, .struct): return try decoder.readEmptyStruct(as: .splitBlock)
            default: return nil
            }
        }
    }
}
