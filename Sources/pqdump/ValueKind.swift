import ParquetFormat
import ParquetReader

/// How a leaf's physical values are presented, from its logical type, else its
/// converted type, else its physical type.
enum ValueKind: Equatable {
    case boolean
    case signedInteger
    case unsignedInteger
    case real
    case float16
    case text
    case bytes
    case uuid
    case decimal(scale: Int)
    case date
    case timestamp(unitsPerSecond: Int64, adjustedToUTC: Bool)
    case time(unitsPerSecond: Int64)
    case int96Timestamp
    /// The UNKNOWN (null) logical type: every value is null.
    case alwaysNull

    init(_ leaf: LeafColumn) {
        let element = leaf.element
        let physical = leaf.physicalType
        if let logical = element.logicalType, let kind = Self(logical: logical, physical: physical) {
            self = kind
        } else if let converted = element.convertedType, let kind = Self(converted: converted, element: element) {
            self = kind
        } else {
            switch physical {
            case .boolean: self = .boolean
            case .int32, .int64: self = .signedInteger
            case .int96: self = .int96Timestamp
            case .float, .double: self = .real
            default: self = .bytes
            }
        }
    }

    private init?(logical: LogicalType, physical: PhysicalType) {
        switch logical {
        case .string, .enumeration, .json: self = .text
        case .uuid: self = .uuid
        case .float16: self = .float16
        case .decimal(let scale, _): self = .decimal(scale: Int(scale))
        case .date: self = .date
        case .integer(_, let isSigned): self = isSigned ? .signedInteger : .unsignedInteger
        case .timestamp(let isAdjustedToUTC, let unit):
            guard let units = Self.unitsPerSecond(unit) else { return nil }
            self = .timestamp(unitsPerSecond: units, adjustedToUTC: isAdjustedToUTC)
        case .time(_, let unit):
            guard let units = Self.unitsPerSecond(unit) else { return nil }
            self = .time(unitsPerSecond: units)
        case .unknown: self = .alwaysNull
        case .bson: self = .bytes
        default: return nil
        }
    }

    private init?(converted: ConvertedType, element: SchemaElement) {
        switch converted {
        case .utf8, .enumeration, .json: self = .text
        case .decimal: self = .decimal(scale: Int(element.scale ?? 0))
        case .date: self = .date
        case .uint8, .uint16, .uint32, .uint64: self = .unsignedInteger
        case .int8, .int16, .int32, .int64: self = .signedInteger
        // The converted timestamp types are defined as UTC-adjusted.
        case .timestampMillis: self = .timestamp(unitsPerSecond: 1_000, adjustedToUTC: true)
        case .timestampMicros: self = .timestamp(unitsPerSecond: 1_000_000, adjustedToUTC: true)
        case .timeMillis: self = .time(unitsPerSecond: 1_000)
        case .timeMicros: self = .time(unitsPerSecond: 1_000_000)
        default: return nil
        }
    }

    private static func unitsPerSecond(_ unit: TimeUnit) -> Int64? {
        switch unit {
        case .millis: 1_000
        case .micros: 1_000_000
        case .nanos: 1_000_000_000
        case .unrecognized: nil
        }
    }
}
