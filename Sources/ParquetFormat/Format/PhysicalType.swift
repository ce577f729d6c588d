/// The physical storage type of a column (parquet.thrift `Type`).
///
/// Values unknown to this library are kept as their raw value.
public struct PhysicalType: ThriftEnum {
    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The parquet.thrift value `BOOLEAN`.
    public static var boolean: PhysicalType { PhysicalType(rawValue: 0) }
    /// The parquet.thrift value `INT32`.
    public static var int32: PhysicalType { PhysicalType(rawValue: 1) }
    /// The parquet.thrift value `INT64`.
    public static var int64: PhysicalType { PhysicalType(rawValue: 2) }
    /// Deprecated; new writers should not write INT96.
    public static var int96: PhysicalType { PhysicalType(rawValue: 3) }
    /// The parquet.thrift value `FLOAT`.
    public static var float: PhysicalType { PhysicalType(rawValue: 4) }
    /// The parquet.thrift value `DOUBLE`.
    public static var double: PhysicalType { PhysicalType(rawValue: 5) }
    /// The parquet.thrift value `BYTE_ARRAY`.
    public static var byteArray: PhysicalType { PhysicalType(rawValue: 6) }
    /// The parquet.thrift value `FIXED_LEN_BYTE_ARRAY`.
    public static var fixedLenByteArray: PhysicalType { PhysicalType(rawValue: 7) }

    /// The parquet.thrift name, such as `FIXED_LEN_BYTE_ARRAY`.
    public var description: String {
        switch rawValue {
        case 0: "BOOLEAN"
        case 1: "INT32"
        case 2: "INT64"
        case 3: "INT96"
        case 4: "FLOAT"
        case 5: "DOUBLE"
        case 6: "BYTE_ARRAY"
        case 7: "FIXED_LEN_BYTE_ARRAY"
        default: "Type(\(rawValue))"
        }
    }
}
