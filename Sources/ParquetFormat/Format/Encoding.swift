/// An encoding of values or levels in a page (parquet.thrift `Encoding`).
///
/// Values unknown to this library are kept as their raw value.
public struct Encoding: ThriftEnum {
    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The parquet.thrift value `PLAIN`.
    public static var plain: Encoding { Encoding(rawValue: 0) }
    /// Deprecated: use `rleDictionary` for data pages and `plain` for dictionary pages.
    public static var plainDictionary: Encoding { Encoding(rawValue: 2) }
    /// The RLE / bit-packing hybrid, for levels and booleans.
    public static var rle: Encoding { Encoding(rawValue: 3) }
    /// Deprecated bit packing for levels, superseded by `rle`.
    public static var bitPacked: Encoding { Encoding(rawValue: 4) }
    /// The parquet.thrift value `DELTA_BINARY_PACKED`.
    public static var deltaBinaryPacked: Encoding { Encoding(rawValue: 5) }
    /// The parquet.thrift value `DELTA_LENGTH_BYTE_ARRAY`.
    public static var deltaLengthByteArray: Encoding { Encoding(rawValue: 6) }
    /// The parquet.thrift value `DELTA_BYTE_ARRAY`.
    public static var deltaByteArray: Encoding { Encoding(rawValue: 7) }
    /// Dictionary indices encoded with the RLE / bit-packing hybrid.
    public static var rleDictionary: Encoding { Encoding(rawValue: 8) }
    /// The parquet.thrift value `BYTE_STREAM_SPLIT`.
    public static var byteStreamSplit: Encoding { Encoding(rawValue: 9) }

    /// The parquet.thrift name, such as `BYTE_STREAM_SPLIT`.
    public var description: String {
        switch rawValue {
        case 0: "PLAIN"
        case 2: "PLAIN_DICTIONARY"
        case 3: "RLE"
        case 4: "BIT_PACKED"
        case 5: "DELTA_BINARY_PACKED"
        case 6: "DELTA_LENGTH_BYTE_ARRAY"
        case 7: "DELTA_BYTE_ARRAY"
        case 8: "RLE_DICTIONARY"
        case 9: "BYTE_STREAM_SPLIT"
        default: "Encoding(\(rawValue))"
        }
    }
}
