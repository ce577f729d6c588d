/// The Parquet physical type of a leaf column.
enum PhysicalKind: Hashable, Sendable {
    case boolean
    case int32
    case int64
    case float
    case double
    case byteArray
    case fixedLenByteArray
}
