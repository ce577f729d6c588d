/// Deprecated type annotations, superseded by `LogicalType` but still written
/// alongside it for compatibility (parquet.thrift `ConvertedType`).
///
/// Values unknown to this library are kept as their raw value.
public struct ConvertedType: ThriftEnum {
    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The parquet.thrift value `UTF8`.
    public static var utf8: ConvertedType { ConvertedType(rawValue: 0) }
    /// The parquet.thrift value `MAP`.
    public static var map: ConvertedType { ConvertedType(rawValue: 1) }
    /// The parquet.thrift value `MAP_KEY_VALUE`.
    public static var mapKeyValue: ConvertedType { ConvertedType(rawValue: 2) }
    /// The parquet.thrift value `LIST`.
    public static var list: ConvertedType { ConvertedType(rawValue: 3) }
    /// The parquet.thrift value `ENUM`.
    public static var enumeration: ConvertedType { ConvertedType(rawValue: 4) }
    /// The parquet.thrift value `DECIMAL`.
    public static var decimal: ConvertedType { ConvertedType(rawValue: 5) }
    /// The parquet.thrift value `DATE`.
    public static var date: ConvertedType { ConvertedType(rawValue: 6) }
    /// The parquet.thrift value `TIME_MILLIS`.
    public static var timeMillis: ConvertedType { ConvertedType(rawValue: 7) }
    /// The parquet.thrift value `TIME_MICROS`.
    public static var timeMicros: ConvertedType { ConvertedType(rawValue: 8) }
    /// The parquet.thrift value `TIMESTAMP_MILLIS`.
    public static var timestampMillis: ConvertedType { ConvertedType(rawValue: 9) }
    /// The parquet.thrift value `TIMESTAMP_MICROS`.
    public static var timestampMicros: ConvertedType { ConvertedType(rawValue: 10) }
    /// The parquet.thrift value `UINT_8`.
    public static var uint8: ConvertedType { ConvertedType(rawValue: 11) }
    /// The parquet.thrift value `UINT_16`.
    public static var uint16: ConvertedType { ConvertedType(rawValue: 12) }
    /// The parquet.thrift value `UINT_32`.
    public static var uint32: ConvertedType { ConvertedType(rawValue: 13) }
    /// The parquet.thrift value `UINT_64`.
    public static var uint64: ConvertedType { ConvertedType(rawValue: 14) }
    /// The parquet.thrift value `INT_8`.
    public static var int8: ConvertedType { ConvertedType(rawValue: 15) }
    /// The parquet.thrift value `INT_16`.
    public static var int16: ConvertedType { ConvertedType(rawValue: 16) }
    /// The parquet.thrift value `INT_32`.
    public static var int32: ConvertedType { ConvertedType(rawValue: 17) }
    /// The parquet.thrift value `INT_64`.
    public static var int64: ConvertedType { ConvertedType(rawValue: 18) }
    /// The parquet.thrift value `JSON`.
    public static var json: ConvertedType { ConvertedType(rawValue: 19) }
    /// The parquet.thrift value `BSON`.
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
