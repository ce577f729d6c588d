import ParquetFormat

/// A column resolved to everything the writer needs: physical type, annotations,
/// levels, value checks and statistics ordering.
struct ColumnDescriptor: Hashable, Sendable {
    let column: Column
    /// The primitive type values are appended as: the column type, or a list's innermost element.
    let leafType: ColumnType
    /// The leaf's path_in_schema, e.g. `["a", "list", "element"]` for a list column.
    let path: [String]
    let physical: PhysicalKind
    /// Byte length of FIXED_LEN_BYTE_ARRAY values; 0 otherwise.
    let typeLength: Int
    /// Highest definition level: a present leaf value.
    let maxDefinitionLevel: Int
    /// Highest repetition level: the list nesting depth, 0 for a flat column.
    let maxRepetitionLevel: Int
    /// One entry per list nesting level, outermost first.
    let listLevels: [ListLevel]
    /// Inclusive range an integer value must fall in, for integer-backed columns.
    let integerRange: ClosedRange<Int128>?
    let statisticsOrder: StatisticsOrder

    /// The definition levels that mark where a list cell stops short of a leaf value.
    struct ListLevel: Hashable, Sendable {
        /// The level of an empty list at this depth.
        let emptyListLevel: UInt8
        /// The level of a null element of this list, or nil when elements are REQUIRED.
        let nullElementLevel: UInt8?
    }

    var name: String { column.name }
    /// Whether a null cell is refused at the top level.
    var isRequired: Bool { column.repetition == .required }
    var hasDefinitionLevels: Bool { maxDefinitionLevel > 0 }

    init(_ column: Column) throws(ParquetWriterError) {
        self.column = column
        var level = column.repetition == .required ? 0 : 1
        var path = [column.name]
        var listLevels: [ListLevel] = []
        var type = column.type
        while case .list(let element, let elementRepetition) = type {
            let emptyListLevel = UInt8(level)
            level += 1
            let nullElementLevel = elementRepetition == .optional ? UInt8(level) : nil
            if elementRepetition == .optional { level += 1 }
            listLevels.append(ListLevel(emptyListLevel: emptyListLevel, nullElementLevel: nullElementLevel))
            path += ["list", "element"]
            type = element
        }
        // Levels are kept in single bytes.
        guard level <= Int(UInt8.max) else {
            throw .invalidSchema("column '\(column.name)': lists nest too deep")
        }
        self.leafType = type
        self.path = path
        self.listLevels = listLevels
        self.maxDefinitionLevel = level
        self.maxRepetitionLevel = listLevels.count
        var typeLength = 0
        var integerRange: ClosedRange<Int128>? = nil
        var order = StatisticsOrder.signed
        switch leafType {
        case .list:
            preconditionFailure("a leaf type is never a list")
        case .boolean:
            physical = .boolean
        case .int32, .date:
            physical = .int32
            integerRange = Int128(Int32.min)...Int128(Int32.max)
        case .int64:
            physical = .int64
            integerRange = Int128(Int64.min)...Int128(Int64.max)
        case .int8:
            physical = .int32
            integerRange = Int128(Int8.min)...Int128(Int8.max)
        case .int16:
            physical = .int32
            integerRange = Int128(Int16.min)...Int128(Int16.max)
        case .uint8:
            physical = .int32
            integerRange = 0...Int128(UInt8.max)
            order = .unsigned
        case .uint16:
            physical = .int32
            integerRange = 0...Int128(UInt16.max)
            order = .unsigned
        case .uint32:
            physical = .int32
            integerRange = 0...Int128(UInt32.max)
            order = .unsigned
        case .uint64:
            physical = .int64
            integerRange = 0...Int128(UInt64.max)
            order = .unsigned
        case .float:
            physical = .float
        case .double:
            physical = .double
        case .float16:
            physical = .fixedLenByteArray
            typeLength = 2
            order = .float16
        case .string, .json, .enumeration, .binary:
            physical = .byteArray
            order = .unsigned
        case .fixedBinary(let length):
            guard length > 0 else {
                throw .invalidSchema("column '\(column.name)': fixed length must be positive, got \(length)")
            }
            physical = .fixedLenByteArray
            typeLength = length
            order = .unsigned
        case .uuid:
            physical = .fixedLenByteArray
            typeLength = 16
            order = .unsigned
        case .time(.unrecognized, _), .timestamp(.unrecognized, _):
            throw .invalidSchema("column '\(column.name)': the time unit must be millis, micros or nanos")
        case .time(let unit, _):
            physical = unit == .millis ? .int32 : .int64
            integerRange =
                unit == .millis
                ? Int128(Int32.min)...Int128(Int32.max) : Int128(Int64.min)...Int128(Int64.max)
        case .timestamp:
            physical = .int64
            integerRange = Int128(Int64.min)...Int128(Int64.max)
        case .decimal(let precision, let scale, let storage):
            guard precision >= 1, precision <= 76 else {
                throw .invalidSchema("column '\(column.name)': decimal precision \(precision) is outside 1...76")
            }
            guard scale >= 0, scale <= precision else {
                throw .invalidSchema("column '\(column.name)': decimal scale \(scale) is outside 0...\(precision)")
            }
            let limit = Decimal128Limit.largestUnscaled(precision: precision)
            integerRange = -limit...limit
            switch storage {
            case .automatic where precision <= 9, .int32:
                guard precision <= 9 else {
                    throw .invalidSchema(
                        "column '\(column.name)': INT32 holds decimal precision up to 9, got \(precision)")
                }
                physical = .int32
            case .automatic where precision <= 18, .int64:
                guard precision <= 18 else {
                    throw .invalidSchema(
                        "column '\(column.name)': INT64 holds decimal precision up to 18, got \(precision)")
                }
                physical = .int64
            case .automatic:
                physical = .fixedLenByteArray
                typeLength = Decimal128Limit.minimalByteLength(precision: precision)
                order = .signedBigEndian
            case .fixedLength(let length):
                guard length >= 1, Decimal128Limit.maximumPrecision(byteLength: length) >= precision else {
                    throw .invalidSchema(
                        "column '\(column.name)': \(length) bytes cannot hold decimal precision \(precision)")
                }
                physical = .fixedLenByteArray
                typeLength = length
                order = .signedBigEndian
            }
        }
        self.typeLength = typeLength
        self.integerRange = integerRange
        self.statisticsOrder = order
    }
}
