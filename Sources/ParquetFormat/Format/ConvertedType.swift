/// Deprecated type annotations, superseded by `LogicalType` but still written
/// alongside it for compatibility (parquet.thrift `ConvertedType`).
///
/// Values unknown to this library are kept as their raw value.
public struct ConvertedType: ThriftEnum {
    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    public static var utf8: ConvertedType { ConvertedType(rawValue: 0) }
    public static var map: ConvertedType { ConvertedType(rawValue: 1) }
    public static var mapKeyValue: ConvertedType { ConvertedType(rawValue: 2) }
    public static var list: ConvertedType { ConvertedType(rawValue: 3) }
    public static var enumeration: ConvertedType { ConvertedType(rawValue: 4) }
    public static var decimal: ConvertedType { ConvertedType(rawValue: 5) }
    public static var date: ConvertedType { ConvertedType(rawValue: 6) }
    public static var timeMillis: ConvertedType { ConvertedType(rawValue: 7) }
    public static var timeMicros: ConvertedType { ConvertedType(rawValue: 8) }
    public static var timestampMillis: ConvertedType { ConvertedType(rawValue: 9) }
    public static var timestampMicros: ConvertedType { ConvertedType(rawValue: 10) }
    public static var uint8: ConvertedType { ConvertedType(rawValue: 11) }
    public static var uint16: ConvertedType { ConvertedType(rawValue: 12) }
    public static var uint32: ConvertedType { ConvertedType(rawValue: 13) }
    public static var uint64: ConvertedType { ConvertedType(rawValue: 14) }
    public static var int8: ConvertedType { ConvertedType(rawValue: 15) }
    public static var int16: ConvertedType { ConvertedType(rawValue: 16) }
    public static var int32: ConvertedType { ConvertedType(rawValue: 17) }
    public static var int64: ConvertedType { ConvertedType(rawValue: 18) }
    public static var json: ConvertedType { ConvertedType(rawValue: 19) }
    public static var bson: ConvertedType { ConvertedType(rawValue: 20) }
    /// Three little-endian u32 (months, days, milliseconds) in a FIXED_LEN_BYTE_ARRAY(12).
    public static var interval: ConvertedType { ConvertedType(rawValue: 21) }

    /// The parquet.thrift name, such as `INTERVAL`.
    public var description: String {
        switch rawValue {
        case 0: "UTF8"
        case 1: "MAP"
        case 2: "MAP_KEY_VALUE"
        case 3: "LIST"
        case 4: "ENUM"
        case 5: "DECIMAL"
        case 6: "DATE"
        case 7: "TIME_MILLIS"
        case 8: "TIME_MICROS"
        case 9: "TIMESTAMP_MILLIS"
        case 10: "TIMESTAMP_MICROS"
        case 11: "UINT_8"
        case 12: "UINT_16"
        case 13: "UINT_32"
        case 14: "UINT_64"
        case 15: "INT_8"
        case 16: "INT_16"
        case 17: "INT_32"
        case 18: "INT_64"
        case 19: "JSON"
        case 20: "BSON"
        case 21: "INTERVAL"
        default: "ConvertedType(\(rawValue))"
        }
    }
}
