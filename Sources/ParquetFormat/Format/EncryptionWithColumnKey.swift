/// Marks a column encrypted with its own key.
public struct EncryptionWithColumnKey: ThriftCodable, Hashable {
    /// Path of the column in the schema.
    public var pathInSchema: [String]

    /// Retrieval metadata of the column key.
    public var keyMetadata: [UInt8]?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        pathInSchema: [String],
        keyMetadata: [UInt8]? = nil
    ) {
        self.pathInSchema = pathInSchema
        self.keyMetadata = keyMetadata
    }

    public static var thriftName: String { "EncryptionWithColumnKey" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "path_in_schema"
        case 2: "key_metadata"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, stringList: pathInSchema)
        if let keyMetadata { encoder.writeField(2, binary: keyMetadata) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var pathInSchema: [String]?
        var keyMetadata: [UInt8]?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .list): pathInSchema = try decoder.readStringList()
            case (2, .binary): keyMetadata = try decoder.readBinary()
            default: try decoder.skip(field)
            }
        }
        self.init(
            pathInSchema: try decoder.requiredField(pathInSchema, id: 1),
            keyMetadata: keyMetadata)
        decoder.endStruct()
    }
}
