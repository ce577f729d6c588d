/// Header of a version 1 data page.
public struct DataPageHeader: ThriftCodable, Hashable {
    /// Number of values in the page, including nulls.
    public var numValues: Int32

    /// Encoding of the values.
    public var encoding: Encoding

    /// Encoding of the definition levels.
    public var definitionLevelEncoding: Encoding

    /// Encoding of the repetition levels.
    public var repetitionLevelEncoding: Encoding

    /// Statistics of the values in this page.
    public var statistics: Statistics?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        numValues: Int32,
        encoding: Encoding,
        definitionLevelEncoding: Encoding,
        repetitionLevelEncoding: Encoding,
        statistics: Statistics? = nil
    ) {
        self.numValues = numValues
        self.encoding = encoding
        self.definitionLevelEncoding = definitionLevelEncoding
        self.repetitionLevelEncoding = repetitionLevelEncoding
        self.statistics = statistics
    }

    public static var thriftName: String { "DataPageHeader" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "num_values"
        case 2: "encoding"
        case 3: "definition_level_encoding"
        case 4: "repetition_level_encoding"
        case 5: "statistics"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, i32: numValues)
        encoder.writeField(2, enum: encoding)
        encoder.writeField(3, enum: definitionLevelEncoding)
        encoder.writeField(4, enum: repetitionLevelEncoding)
        if let statistics { encoder.writeField(5, struct: statistics) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var numValues: Int32?
        var encoding: Encoding?
        var definitionLevelEncoding: Encoding?
        var repetitionLevelEncoding: Encoding?
        var statistics: Statistics?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .i32): numValues = try decoder.readI32()
            case (2, .i32): encoding = try decoder.readEnum(Encoding.self)
            case (3, .i32): definitionLevelEncoding = try decoder.readEnum(Encoding.self)
            case (4, .i32): repetitionLevelEncoding = try decoder.readEnum(Encoding.self)
            case (5, .struct): statistics = try decoder.readStruct(Statistics.self)
            default: try decoder.skip(field)
            }
        }
        self.init(
            numValues: try decoder.requiredField(numValues, id: 1),
            encoding: try decoder.requiredField(encoding, id: 2),
            definitionLevelEncoding: try decoder.requiredField(definitionLevelEncoding, id: 3),
            repetitionLevelEncoding: try decoder.requiredField(repetitionLevelEncoding, id: 4),
            statistics: statistics)
        decoder.endStruct()
    }
}
