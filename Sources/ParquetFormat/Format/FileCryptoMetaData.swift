/// Crypto metadata in front of an encrypted footer.
public struct FileCryptoMetaData: ThriftCodable, Hashable {
    /// The algorithm the file is encrypted with.
    public var encryptionAlgorithm: EncryptionAlgorithm
    /// Retrieval metadata of the footer key.
    public var keyMetadata: [UInt8]?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        encryptionAlgorithm: EncryptionAlgorithm,
        keyMetadata: [UInt8]? = nil
    ) {
        self.encryptionAlgorithm = encryptionAlgorithm
        self.keyMetadata = keyMetadata
    }

    public static var thriftName: String { "FileCryptoMetaData" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "encryption_algorithm"
        case 2: "key_metadata"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, struct: encryptionAlgorithm)
        if let keyMetadata { encoder.writeField(2, binary: keyMetadata) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var encryptionAlgorithm: EncryptionAlgorithm?
        var keyMetadata: [UInt8]?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .struct): encryptionAlgorithm = try decoder.readStruct(EncryptionAlgorithm.self)
            case (2, .binary): keyMetadata = try decoder.readBinary()
            default: try decoder.skip(field)
            }
        }
        self.init(
            encryptionAlgorithm: try decoder.requiredField(encryptionAlgorithm, id: 1),
            keyMetadata: keyMetadata)
        decoder.endStruct()
    }
}
