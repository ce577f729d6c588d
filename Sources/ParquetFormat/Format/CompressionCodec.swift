/// The codec that compresses pages of a column chunk (parquet.thrift `CompressionCodec`).
///
/// Values unknown to this library are kept as their raw value.
public struct CompressionCodec: ThriftEnum {
    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The parquet.thrift value `UNCOMPRESSED`.
    public static var uncompressed: CompressionCodec { CompressionCodec(rawValue: 0) }
    /// The parquet.thrift value `SNAPPY`.
    public static var snappy: CompressionCodec { CompressionCodec(rawValue: 1) }
    /// The parquet.thrift value `GZIP`.
    public static var gzip: CompressionCodec { CompressionCodec(rawValue: 2) }
    /// The parquet.thrift value `LZO`.
    public static var lzo: CompressionCodec { CompressionCodec(rawValue: 3) }
    /// The parquet.thrift value `BROTLI`.
    public static var brotli: CompressionCodec { CompressionCodec(rawValue: 4) }
    /// Deprecated Hadoop-framed LZ4; use `lz4Raw`.
    public static var lz4: CompressionCodec { CompressionCodec(rawValue: 5) }
    /// The parquet.thrift value `ZSTD`.
    public static var zstd: CompressionCodec { CompressionCodec(rawValue: 6) }
    /// The parquet.thrift value `LZ4_RAW`.
    public static var lz4Raw: CompressionCodec { CompressionCodec(rawValue: 7) }

    /// The parquet.thrift name, such as `LZ4_RAW`.
    public var description: String {
        switch rawValue {
        case 0: "UNCOMPRESSED"
        case 1: "SNAPPY"
        case 2: "GZIP"
        case 3: "LZO"
        case 4: "BROTLI"
        case 5: "LZ4"
        case 6: "ZSTD"
        case 7: "LZ4_RAW"
        default: "CompressionCodec(\(rawValue))"
        }
    }
}
