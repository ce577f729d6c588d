import ParquetFormat

/// The value type of a column, as a user of the writer thinks of it.
///
/// Each case fixes the Parquet physical type, the logical type annotation and the
/// legacy converted type written to the schema, following what pyarrow writes for
/// the matching Arrow type.
public enum ColumnType: Hashable, Sendable {
    /// BOOLEAN.
    case boolean
    /// INT32 with no annotation.
    case int32
    /// INT64 with no annotation.
    case int64
    /// INT32 annotated INTEGER(8, signed).
    case int8
    /// INT32 annotated INTEGER(16, signed).
    case int16
    /// INT32 annotated INTEGER(8, unsigned).
    case uint8
    /// INT32 annotated INTEGER(16, unsigned).
    case uint16
    /// INT32 annotated INTEGER(32, unsigned); values are stored as their bit pattern.
    case uint32
    /// INT64 annotated INTEGER(64, unsigned); values are stored as their bit pattern.
    case uint64
    /// FLOAT (IEEE single precision).
    case float
    /// DOUBLE (IEEE double precision).
    case double
    /// FIXED_LEN_BYTE_ARRAY(2) annotated FLOAT16, IEEE half precision little-endian.
    case float16
    /// BYTE_ARRAY annotated STRING (UTF-8).
    case string
    /// BYTE_ARRAY annotated JSON (UTF-8).
    case json
    /// BYTE_ARRAY annotated ENUM.
    case enumeration
    /// BYTE_ARRAY with no annotation.
    case binary
    /// FIXED_LEN_BYTE_ARRAY of the given length with no annotation.
    case fixedBinary(length: Int)
    /// FIXED_LEN_BYTE_ARRAY(16) annotated UUID, in RFC 4122 byte order.
    case uuid
    /// INT32 annotated DATE: days since 1970-01-01.
    case date
    /// TIME in the given unit (`.millis`, `.micros` or `.nanos`): INT32 for milliseconds,
    /// INT64 otherwise.
    case time(unit: TimeUnit, adjustedToUTC: Bool = true)
    /// TIMESTAMP in the given unit (`.millis`, `.micros` or `.nanos`) since the Unix epoch,
    /// stored as INT64.
    case timestamp(unit: TimeUnit, adjustedToUTC: Bool)
    /// DECIMAL with the given precision and scale; values are appended unscaled.
    case decimal(precision: Int, scale: Int, storage: DecimalStorage = .automatic)
    /// A LIST in the standard three-level layout; the element may itself be a list.
    /// `elementRepetition` says whether an element may be null.
    indirect case list(element: ColumnType, elementRepetition: Repetition = .optional)
}

extension ColumnType {
    /// The primitive type at the bottom of any list nesting: the type values are appended as.
    public var leafType: ColumnType {
        if case .list(let element, _) = self { return element.leafType }
        return self
    }
}

/// The physical storage of a DECIMAL column.
public enum DecimalStorage: Hashable, Sendable {
    /// INT32 up to precision 9, INT64 up to 18, otherwise the shortest FIXED_LEN_BYTE_ARRAY.
    case automatic
    /// INT32, for precision up to 9.
    case int32
    /// INT64, for precision up to 18.
    case int64
    /// FIXED_LEN_BYTE_ARRAY of this many bytes, big-endian two's complement.
    case fixedLength(Int)
}
