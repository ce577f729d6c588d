import Parquet

/// A FIELD and the Parquet column it becomes.
public struct VOParquetColumn: Hashable, Sendable {
    /// The FIELD the column comes from.
    public let field: VOTableField
    /// The Parquet column: always OPTIONAL.
    public let column: Column
    /// The scalar kind of the values, or of the elements of a LIST column.
    public let valueKind: ValueKind
    /// For LIST columns: the exact number of elements when the arraysize is fixed.
    public let fixedElementCount: Int?
    /// For LIST columns: the most elements allowed; nil when unbounded.
    public let maximumElementCount: Int?
    /// For string columns: the most characters (char: UTF-8 bytes, unicodeChar:
    /// UTF-16 units) before truncation; nil when unbounded.
    public let maximumStringLength: Int?

    /// The kind of value a cell (or a list element) holds.
    public enum ValueKind: Hashable, Sendable {
        /// Numbers and booleans, from the VOTable datatype of the same name.
        case boolean, unsignedByte, short, int, long, float, double
        /// Text from char or unicodeChar.
        case string
        /// ISO-8601 text stored as TIMESTAMP(MICROS, UTC).
        case timestamp
    }

    /// Whether the column is a LIST (an array FIELD).
    public var isList: Bool { if case .list = column.type { true } else { false } }

    /// Maps a FIELD as Docs/type-mapping.md describes.
    public init(field: VOTableField, options: VOParquetOptions = VOParquetOptions()) throws(VOParquetError) {
        self.field = field
        let datatype = field.datatype
        if datatype.isCharacter {
            let isTimestamp = field.xtype == "timestamp" && options.timestamps == .timestamp
            if isTimestamp, field.arraysize?.isMultiDimensional == true {
                throw .unsupportedField(column: field.name, reason: "a timestamp must be a one-dimensional char array")
            }
            valueKind = isTimestamp ? .timestamp : .string
            column = Column(field.name, isTimestamp ? .timestamp(unit: .micros, adjustedToUTC: true) : .string)
            // No arraysize means a single character.
            maximumStringLength = isTimestamp ? nil : (field.arraysize == nil ? 1 : field.arraysize!.maximumCount)
            fixedElementCount = nil
            maximumElementCount = nil
            return
        }
        maximumStringLength = nil
        let (kind, type): (ValueKind, ColumnType) =
            switch datatype {
            case .boolean, .bit: (.boolean, .boolean)
            case .unsignedByte: (.unsignedByte, .uint8)
            case .short: (.short, .int16)
            case .int: (.int, .int32)
            case .long: (.long, .int64)
            case .float, .floatComplex: (.float, .float)
            case .double, .doubleComplex: (.double, .double)
            case .char, .unicodeChar: (.string, .string)
            }
        valueKind = kind
        if field.isScalar {
            column = Column(field.name, type)
            fixedElementCount = nil
            maximumElementCount = nil
            return
        }
        column = Column(field.name, .list(element: type, elementRepetition: .optional))
        // A complex value is two elements: real, imaginary.
        let perValue = datatype.isComplex ? 2 : 1
        let arraysize = field.arraysize ?? VOTableArraySize("1")!
        fixedElementCount = arraysize.fixedCount.map { $0 * perValue }
        maximumElementCount = arraysize.maximumCount.map { $0 * perValue }
    }
}
