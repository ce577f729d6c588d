/// Whether the min/max lists of a `ColumnIndex` are sorted, and in which direction
/// (parquet.thrift `BoundaryOrder`).
///
/// Values unknown to this library are kept as their raw value.
public struct BoundaryOrder: ThriftEnum {
    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The parquet.thrift value `UNORDERED`.
    public static var unordered: BoundaryOrder { BoundaryOrder(rawValue: 0) }
    /// The parquet.thrift value `ASCENDING`.
    public static var ascending: BoundaryOrder { BoundaryOrder(rawValue: 1) }
    /// The parquet.thrift value `DESCENDING`.
    public static var descending: BoundaryOrder { BoundaryOrder(rawValue: 2) }

    /// The parquet.thrift name, such as `DESCENDING`.
    public var description: String {
        switch rawValue {
        case 0: "UNORDERED"
        case 1: "ASCENDING"
        case 2: "DESCENDING"
        default: "BoundaryOrder(\(rawValue))"
        }
    }
}
