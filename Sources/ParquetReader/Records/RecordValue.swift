/// One value of a record, nested as the schema nests it. Primitive cases hold physical
/// values; their logical meaning comes from the leaf's schema element.
public enum RecordValue: Sendable, Hashable {
    /// A null, at any level of nesting.
    case null
    /// A BOOLEAN value.
    case boolean(Bool)
    /// An INT32 value, whatever its logical type.
    case int32(Int32)
    /// An INT64 value, whatever its logical type.
    case int64(Int64)
    /// An INT96 value.
    case int96(Int96)
    /// A FLOAT value.
    case float(Float)
    /// A DOUBLE value.
    case double(Double)
    /// A BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY value.
    case bytes([UInt8])
    /// A LIST, a legacy 2-level list, or an unannotated repeated field.
    case list([RecordValue])
    /// A MAP's entries in file order.
    case map([MapEntry])
    /// A struct's fields in schema order.
    case group([RecordValue])
}

/// One key/value pair of a MAP.
public struct MapEntry: Sendable, Hashable {
    /// The entry's key.
    public var key: RecordValue
    /// `.null` when the value is null or the map has no value field.
    public var value: RecordValue

    /// An entry of `key` and `value`.
    public init(key: RecordValue, value: RecordValue) {
        self.key = key
        self.value = value
    }
}

extension ColumnValues {
    /// Value `index` as a record value; for display and record assembly, not bulk work.
    public func recordValue(at index: Int) -> RecordValue {
        switch self {
        case .boolean(let values): .boolean(values[index])
        case .int32(let values): .int32(values[index])
        case .int64(let values): .int64(values[index])
        case .int96(let values): .int96(values[index])
        case .float(let values): .float(values[index])
        case .double(let values): .double(values[index])
        case .byteArray(let values): .bytes(Array(values[index]))
        case .fixedLengthByteArray(let values): .bytes(Array(values[index]))
        }
    }
}
