/// The non-null values of a column chunk in one contiguous buffer of their physical type.
///
/// Nulls are not stored: the definition levels say which slots hold a value.
public enum ColumnValues: Sendable, Hashable {
    /// BOOLEAN values.
    case boolean([Bool])
    /// INT32 values.
    case int32([Int32])
    /// INT64 values.
    case int64([Int64])
    /// INT96 values.
    case int96([Int96])
    /// FLOAT values.
    case float([Float])
    /// DOUBLE values.
    case double([Double])
    /// BYTE_ARRAY values.
    case byteArray(ByteArrayValues)
    /// FIXED_LEN_BYTE_ARRAY values.
    case fixedLengthByteArray(FixedLengthByteArrayValues)

    /// Number of values.
    public var count: Int {
        switch self {
        case .boolean(let values): values.count
        case .int32(let values): values.count
        case .int64(let values): values.count
        case .int96(let values): values.count
        case .float(let values): values.count
        case .double(let values): values.count
        case .byteArray(let values): values.count
        case .fixedLengthByteArray(let values): values.count
        }
    }
}
