/// How an encrypted column is encrypted (parquet.thrift union `ColumnCryptoMetaData`).
public enum ColumnCryptoMetaData: ThriftCodable, Hashable {
    /// With the footer key.
    case encryptionWithFooterKey
    /// With a key of its own.
    case encryptionWithColumnKey(EncryptionWithColumnKey)
    /// A scheme added to the format after this library was written.
    case unrecognized(UnrecognizedUnionMember)

    public static var thriftName: String { "ColumnCryptoMetaData" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "ENCRYPTION_WITH_FOOTER_KEY"
        case 2: "ENCRYPTION_WITH_COLUMN_KEY"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        switch self {
        case .encryptionWithFooterKey: encoder.writeEmptyStructField(1)
        case .encryptionWithColumnKey(let value): encoder.writeField(2, struct: value)
        case .unrecognized(let member): encoder.writeUnrecognizedMember(member)
        }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        self = try decoder.readUnion(Self.self, unrecognized: Self.unrecognized) {
            (decoder: inout CompactDecoder, field: FieldHeader) throws(ThriftDecodingError) -> Self? in
            switch (field.id, field.type) {
            case (1, .struct): return try decoder.readEmptyStruct(as: .encryptionWithFooterKey)
            case (2, .struct): return .encryptionWithColumnKey(try decoder.readStruct(EncryptionWithColumnKey.self))
            default: return nil
            }
        }
    }
}
