/// The order that min/max statistics of a column are computed in (parquet.thrift union `ColumnOrder`).
public enum ColumnOrder: ThriftCodable, Hashable {
    /// The order defined by the logical type, or the physical type if there is none.
    case typeDefinedOrder
    /// IEEE 754 totalOrder, for FLOAT, DOUBLE and FLOAT16 columns.
    case ieee754TotalOrder
    /// Chronological order of INT96 timestamps.
    case int96TimestampOrder
    /// An order added to the format after this library was written; readers must ignore the min/max statistics.
    case unrecognized(UnrecognizedUnionMember)

    public static var thriftName: String { "ColumnOrder" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "TYPE_ORDER"
        case 2: "IEEE_754_TOTAL_ORDER"
        case 3: "INT96_TIMESTAMP_ORDER"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        switch self {
        case .typeDefinedOrder: encoder.writeEmptyStructField(1)
        case .ieee754TotalOrder: encoder.writeEmptyStructField(2)
        case .int96TimestampOrder: encoder.writeEmptyStructField(3)
        case .unrecognized(let member): encoder.writeUnrecognizedMember(member)
        }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        self = try decoder.readUnion(Self.self, unrecognized: Self.unrecognized) {
            (decoder: inout CompactDecoder, field: FieldHeader) throws(ThriftDecodingError) -> Self? in
            switch (field.id, field.type) {
            case (1, .struct): return try decoder.readEmptyStruct(as: .typeDefinedOrder)
            case (2, .struct): return try decoder.readEmptyStruct(as: .ieee754TotalOrder)
            case (3, .struct): return try decoder.readEmptyStruct(as: .int96TimestampOrder)
            default: return nil
            }
        }
    }
}
