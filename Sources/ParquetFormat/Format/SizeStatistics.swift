/// Data for estimating the unencoded size of a column chunk or page, and level histograms for
/// filter pushdown on nested data.
public struct SizeStatistics: ThriftCodable, Hashable {
    /// Bytes of BYTE_ARRAY values as if PLAIN encoded, excluding the 4-byte length prefixes. Only
    /// for BYTE_ARRAY columns.
    public var unencodedByteArrayDataBytes: Int64?

    /// How often each repetition level (0...max) occurs. May be omitted when the max repetition
    /// level is 0.
    public var repetitionLevelHistogram: [Int64]?

    /// How often each definition level (0...max) occurs. May be omitted when the max definition
    /// level is 0 or 1.
    public var definitionLevelHistogram: [Int64]?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        unencodedByteArrayDataBytes: Int64? = nil,
        repetitionLevelHistogram: [Int64]? = nil,
        definitionLevelHistogram: [Int64]? = nil
    ) {
        self.unencodedByteArrayDataBytes = unencodedByteArrayDataBytes
        self.repetitionLevelHistogram = repetitionLevelHistogram
        self.definitionLevelHistogram = definitionLevelHistogram
    }

    public static var thriftName: String { "SizeStatistics" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "unencoded_byte_array_data_bytes"
        case 2: "repetition_level_histogram"
        case 3: "definition_level_histogram"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        if let unencodedByteArrayDataBytes { encoder.writeField(1, i64: unencodedByteArrayDataBytes) }
        if let repetitionLevelHistogram { encoder.writeField(2, i64List: repetitionLevelHistogram) }
        if let definitionLevelHistogram { encoder.writeField(3, i64List: definitionLevelHistogram) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var unencodedByteArrayDataBytes: Int64?
        var repetitionLevelHistogram: [Int64]?
        var definitionLevelHistogram: [Int64]?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .i64): unencodedByteArrayDataBytes = try decoder.readI64()
            case (2, .list): repetitionLevelHistogram = try decoder.readI64List()
            case (3, .list): definitionLevelHistogram = try decoder.readI64List()
            default: try decoder.skip(field)
            }
        }
        self.init(
            unencodedByteArrayDataBytes: unencodedByteArrayDataBytes,
            repetitionLevelHistogram: repetitionLevelHistogram,
            definitionLevelHistogram: definitionLevelHistogram)
        decoder.endStruct()
    }
}
