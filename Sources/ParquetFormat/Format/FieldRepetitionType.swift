/// How often a schema field occurs in its parent (parquet.thrift `FieldRepetitionType`).
///
/// Values unknown to this library are kept as their raw value.
public struct FieldRepetitionType: ThriftEnum {
    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// Exactly one value per parent.
    public static var required: FieldRepetitionType { FieldRepetitionType(rawValue: 0) }
    /// Zero or one value per parent.
    public static var optional: FieldRepetitionType { FieldRepetitionType(rawValue: 1) }
    /// Zero or more values per parent.
    public static var repeated: FieldRepetitionType { FieldRepetitionType(rawValue: 2) }
    /// A fixed-size vector group; see `SchemaElement.vectorLength`.
    public static var vector: FieldRepetitionType { FieldRepetitionType(rawValue: 3) }

    /// The parquet.thrift name, such as `VECTOR`.
    public var description: String {
        switch rawValue {
        case 0: "REQUIRED"
        case 1: "OPTIONAL"
        case 2: "REPEATED"
        case 3: "VECTOR"
        default: "FieldRepetitionType(\(rawValue))"
        }
    }
}
