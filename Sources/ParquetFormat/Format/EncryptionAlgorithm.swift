/// The encryption algorithm of a file (parquet.thrift union `EncryptionAlgorithm`).
public enum EncryptionAlgorithm: ThriftCodable, Hashable {
    /// AES-GCM for every module (`AES_GCM_V1`).
    case aesGcmV1(AesGcmParameters)
    /// AES-GCM for metadata, AES-CTR for pages (`AES_GCM_CTR_V1`).
    case aesGcmCtrV1(AesGcmParameters)
    /// An algorithm added to the format after this library was written.
    case unrecognized(UnrecognizedUnionMember)

    public static var thriftName: String { "EncryptionAlgorithm" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "AES_GCM_V1"
        case 2: "AES_GCM_CTR_V1"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        switch self {
        case .aesGcmV1(let value): encoder.writeField(1, struct: value)
        case .aesGcmCtrV1(let value): encoder.writeField(2, struct: value)
        case .unrecognized(let member): encoder.writeUnrecognizedMember(member)
        }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        self = try decoder.readUnion(Self.self, unrecognized: Self.unrecognized) {
            (decoder: inout CompactDecoder, field: FieldHeader) throws(ThriftDecodingError) -> Self? in
            switch (field.id, field.type) {
            case (1, .struct): return .aesGcmV1(try decoder.readStruct(AesGcmParameters.self))
            case (2, .struct): return .aesGcmCtrV1(try decoder.readStruct(AesGcmParameters.self))
            default: return nil
            }
        }
    }
}
