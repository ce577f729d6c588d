/// How edges between points of a GEOGRAPHY value are interpolated
/// (parquet.thrift `EdgeInterpolationAlgorithm`).
///
/// Values unknown to this library are kept as their raw value.
public struct EdgeInterpolationAlgorithm: ThriftEnum {
    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The parquet.thrift value `SPHERICAL`.
    public static var spherical: EdgeInterpolationAlgorithm { EdgeInterpolationAlgorithm(rawValue: 0) }
    /// The parquet.thrift value `VINCENTY`.
    public static var vincenty: EdgeInterpolationAlgorithm { EdgeInterpolationAlgorithm(rawValue: 1) }
    /// The parquet.thrift value `THOMAS`.
    public static var thomas: EdgeInterpolationAlgorithm { EdgeInterpolationAlgorithm(rawValue: 2) }
    /// The parquet.thrift value `ANDOYER`.
    public static var andoyer: EdgeInterpolationAlgorithm { EdgeInterpolationAlgorithm(rawValue: 3) }
    /// The parquet.thrift value `KARNEY`.
    public static var karney: EdgeInterpolationAlgorithm { EdgeInterpolationAlgorithm(rawValue: 4) }

    /// The parquet.thrift name, such as `KARNEY`.
    public var description: String {
        switch rawValue {
        case 0: "SPHERICAL"
        case 1: "VINCENTY"
        case 2: "THOMAS"
        case 3: "ANDOYER"
        case 4: "KARNEY"
        default: "EdgeInterpolationAlgorithm(\(rawValue))"
        }
    }
}
