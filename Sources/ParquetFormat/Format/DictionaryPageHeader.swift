/// Header of the dictionary page, which comes first in a dictionary-encoded column chunk.
public struct DictionaryPageHeader: ThriftCodable, Hashable {
    /// Number of values in the dictionary.
    public var numValues: Int32

    /// Encoding of the dictionary values.
    public var encoding: Encoding

    /// Whether the entries are sorted in ascending order.
    public var isSorted: Bool?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        numValues: Int32,
        encoding: Encoding,
        isSorted: Bool? = nil
    ) {
        self.numValues = numValues
        self.encoding = encoding
        self.isSorted = isSorted
    }

    public static var thriftName: String { "DictionaryPageHeader" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "num_values"
        case 2: "encoding"
        case 3: "is_sorted"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, i32: numValues)
        encoder.writeField(2, enum: encoding)
        if let isSorted { encoder.writeField(3, bool: isSorted) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var numValues: Int32?
        var encoding: Encoding?
        var isSorted: Bool?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .i32): numValues = try decoder.readI32()
            case (2, .i32): encoding = try decoder.readEnum(Encoding.self)
            case (3, .bool): isSorted = field.boolValue
            default: try decoder.skip(field)
            }
        }
        self.init(
            numValues: try decoder.requiredField(numValues, id: 1),
            encoding: try decoder.requiredField(encoding, id: 2),
            isSorted: isSorted)
        decoder.endStruct()
    }
}
