/// Parameters of the AES-GCM encryption algorithms. parquet.thrift declares two structs with
/// these same fields, `AesGcmV1` and `AesGcmCtrV1`; `EncryptionAlgorithm` says which one it is.
public struct AesGcmParameters: ThriftCodable, Hashable {
    /// The AAD prefix.
    public var aadPrefix: [UInt8]?

    /// Unique file identifier part of the AAD suffix.
    public var aadFileUnique: [UInt8]?

    /// Whether readers must supply the AAD prefix because it is not stored.
    public var supplyAadPrefix: Bool?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        aadPrefix: [UInt8]? = nil,
        aadFileUnique: [UInt8]? = nil,
        supplyAadPrefix: Bool? = nil
    ) {
        self.aadPrefix = aadPrefix
        self.aadFileUnique = aadFileUnique
        self.supplyAadPrefix = supplyAadPrefix
    }

    public static var thriftName: String { "AesGcmV1 or AesGcmCtrV1" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "aad_prefix"
        case 2: "aad_file_unique"
        case 3: "supply_aad_prefix"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        if let aadPrefix { encoder.writeField(1, binary: aadPrefix) }
        if let aadFileUnique { encoder.writeField(2, binary: aadFileUnique) }
        if let supplyAadPrefix { encoder.writeField(3, bool: supplyAadPrefix) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var aadPrefix: [UInt8]?
        var aadFileUnique: [UInt8]?
        var supplyAadPrefix: Bool?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .binary): aadPrefix = try decoder.readBinary()
            case (2, .binary): aadFileUnique = try decoder.readBinary()
            case (3, .bool): supplyAadPrefix = field.boolValue
            default: try decoder.skip(field)
            }
        }
        self.init(
            aadPrefix: aadPrefix,
            aadFileUnique: aadFileUnique,
            supplyAadPrefix: supplyAadPrefix)
        decoder.endStruct()
    }
}
