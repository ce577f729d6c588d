/// Header of a version 2 data page, whose levels are stored uncompressed before the values.
/// Pages must start at row boundaries.
public struct DataPageHeaderV2: ThriftCodable, Hashable {
    /// Number of values, including nulls.
    public var numValues: Int32

    /// Number of nulls.
    public var numNulls: Int32

    /// Number of rows.
    public var numRows: Int32

    /// Encoding of the values.
    public var encoding: Encoding

    /// Byte length of the RLE-encoded definition levels.
    public var definitionLevelsByteLength: Int32

    /// Byte length of the RLE-encoded repetition levels.
    public var repetitionLevelsByteLength: Int32

    /// Whether the values section is compressed; absent means true.
    public var isCompressed: Bool?

    /// Statistics of the values in this page.
    public var statistics: Statistics?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        numValues: Int32,
        numNulls: Int32,
        numRows: Int32,
        encoding: Encoding,
        definitionLevelsByteLength: Int32,
        repetitionLevelsByteLength: Int32,
        isCompressed: Bool? = nil,
        statistics: Statistics? = nil
    ) {
        self.numValues = numValues
        self.numNulls = numNulls
        self.numRows = numRows
        self.encoding = encoding
        self.definitionLevelsByteLength = definitionLevelsByteLength
        self.repetitionLevelsByteLength = repetitionLevelsByteLength
        self.isCompressed = isCompressed
        self.statistics = statistics
    }

    public static var thriftName: String { "DataPageHeaderV2" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "num_values"
        case 2: "num_nulls"
        case 3: "num_rows"
        case 4: "encoding"
        case 5: "definition_levels_byte_length"
        case 6: "repetition_levels_byte_length"
        case 7: "is_compressed"
        case 8: "statistics"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, i32: numValues)
        encoder.writeField(2, i32: numNulls)
        encoder.writeField(3, i32: numRows)
        encoder.writeField(4, enum: encoding)
        encoder.writeField(5, i32: definitionLevelsByteLength)
        encoder.writeField(6, i32: repetitionLevelsByteLength)
        if let isCompressed { encoder.writeField(7, bool: isCompressed) }
        if let statistics { encoder.writeField(8, struct: statistics) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var numValues: Int32?
        var numNulls: Int32?
        var numRows: Int32?
        var encoding: Encoding?
        var definitionLevelsByteLength: Int32?
        var repetitionLevelsByteLength: Int32?
        var isCompressed: Bool?
        var statistics: Statistics?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .i32): numValues = try decoder.readI32()
            case (2, .i32): numNulls = try decoder.readI32()
            case (3, .i32): numRows = try decoder.readI32()
            case (4, .i32): encoding = try decoder.readEnum(Encoding.self)
            case (5, .i32): definitionLevelsByteLength = try decoder.readI32()
            case (6, .i32): repetitionLevelsByteLength = try decoder.readI32()
            case (7, .bool): isCompressed = field.boolValue
            case (8, .struct): statistics = try decoder.readStruct(Statistics.self)
            default: try decoder.skip(field)
            }
        }
        self.init(
            numValues: try decoder.requiredField(numValues, id: 1),
            numNulls: try decoder.requiredField(numNulls, id: 2),
            numRows: try decoder.requiredField(numRows, id: 3),
            encoding: try decoder.requiredField(encoding, id: 4),
            definitionLevelsByteLength: try decoder.requiredField(definitionLevelsByteLength, id: 5),
            repetitionLevelsByteLength: try decoder.requiredField(repetitionLevelsByteLength, id: 6),
            isCompressed: isCompressed,
            statistics: statistics)
        decoder.endStruct()
    }
}
