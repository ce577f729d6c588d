/// The non-null values of a column chunk in one contiguous buffer of their physical type.
///
/// Nulls are not stored: the definition levels say which slots hold a value.
public enum ColumnValues: Sendable, Hashable {
    case boolean([Bool])
    case int32([Int32])
    case int64([Int64])
    case int96([Int96])
    case float([Float])
    case double([Double])
    case byteArray(ByteArrayValues)
    case fixedLengthByteArray(FixedLengthByteArrayValues)

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
