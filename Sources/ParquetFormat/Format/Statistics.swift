/// Statistics of a column chunk or page. All fields are optional.
/// Values are PLAIN encoded, except that byte arrays have no length prefix.
public struct Statistics: ThriftCodable, Hashable {
    /// Deprecated maximum by signed comparison; use `maxValue`.
    public var max: [UInt8]?

    /// Deprecated minimum by signed comparison; use `minValue`.
    public var min: [UInt8]?

    /// Number of null values. Absent is not the same as zero: readers must not assume zero.
    public var nullCount: Int64?

    /// Number of distinct values.
    public var distinctCount: Int64?

    /// Upper bound of the values under the column's `ColumnOrder`.
    public var maxValue: [UInt8]?

    /// Lower bound of the values under the column's `ColumnOrder`.
    public var minValue: [UInt8]?

    /// Whether `maxValue` is the actual maximum.
    public var isMaxValueExact: Bool?

    /// Whether `minValue` is the actual minimum.
    public var isMinValueExact: Bool?

    /// Number of NaN values, for FLOAT, DOUBLE and FLOAT16 columns. If absent, readers must assume
    /// NaNs may be present.
    public var nanCount: Int64?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        max: [UInt8]? = nil,
        min: [UInt8]? = nil,
        nullCount: Int64? = nil,
        distinctCount: Int64? = nil,
        maxValue: [UInt8]? = nil,
        minValue: [UInt8]? = nil,
        isMaxValueExact: Bool? = nil,
        isMinValueExact: Bool? = nil,
        nanCount: Int64? = nil
    ) {
        self.max = max
        self.min = min
        self.nullCount = nullCount
        self.distinctCount = distinctCount
        self.maxValue = maxValue
        self.minValue = minValue
        self.isMaxValueExact = isMaxValueExact
        self.isMinValueExact = isMinValueExact
        self.nanCount = nanCount
    }

    public static var thriftName: String { "Statistics" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "max"
        case 2: "min"
        case 3: "null_count"
        case 4: "distinct_count"
        case 5: "max_value"
        case 6: "min_value"
        case 7: "is_max_value_exact"
        case 8: "is_min_value_exact"
        case 9: "nan_count"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        if let max { encoder.writeField(1, binary: max) }
        if let min { encoder.writeField(2, binary: min) }
        if let nullCount { encoder.writeField(3, i64: nullCount) }
        if let distinctCount { encoder.writeField(4, i64: distinctCount) }
        if let maxValue { encoder.writeField(5, binary: maxValue) }
        if let minValue { encoder.writeField(6, binary: minValue) }
        if let isMaxValueExact { encoder.writeField(7, bool: isMaxValueExact) }
        if let isMinValueExact { encoder.writeField(8, bool: isMinValueExact) }
        if let nanCount { encoder.writeField(9, i64: nanCount) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var max: [UInt8]?
        var min: [UInt8]?
        var nullCount: Int64?
        var distinctCount: Int64?
        var maxValue: [UInt8]?
        var minValue: [UInt8]?
        var isMaxValueExact: Bool?
        var isMinValueExact: Bool?
        var nanCount: Int64?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .binary): max = try decoder.readBinary()
            case (2, .binary): min = try decoder.readBinary()
            case (3, .i64): nullCount = try decoder.readI64()
            case (4, .i64): distinctCount = try decoder.readI64()
            case (5, .binary): maxValue = try decoder.readBinary()
            case (6, .binary): minValue = try decoder.readBinary()
            case (7, .bool): isMaxValueExact = field.boolValue
            case (8, .bool): isMinValueExact = field.boolValue
            case (9, .i64): nanCount = try decoder.readI64()
            default: try decoder.skip(field)
            }
        }
        self.init(
            max: max,
            min: min,
            nullCount: nullCount,
            distinctCount: distinctCount,
            maxValue: maxValue,
            minValue: minValue,
            isMaxValueExact: isMaxValueExact,
            isMinValueExact: isMinValueExact,
            nanCount: nanCount)
        decoder.endStruct()
    }
}
