/// A key/value metadata entry.
public struct KeyValue: ThriftCodable, Hashable {
    /// The key.
    public var key: String
    /// The value; nil when absent.
    public var value: String?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        key: String,
        value: String? = nil
    ) {
        self.key = key
        self.value = value
    }

    public static var thriftName: String { "KeyValue" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "key"
        case 2: "value"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, string: key)
        if let value { encoder.writeField(2, string: value) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var key: String?
        var value: String?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .binary): key = try decoder.readString()
            case (2, .binary): value = try decoder.readString()
            default: try decoder.skip(field)
            }
        }
        self.init(
            key: try decoder.requiredField(key, id: 1),
            value: value)
        decoder.endStruct()
    }
}
