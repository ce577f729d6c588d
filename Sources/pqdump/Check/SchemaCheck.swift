import ParquetFormat
import ParquetReader

/// Checks of each schema element's annotations: a logical type must suit the physical
/// type, agree with the deprecated converted type and decimal scale and precision
/// written beside it, and a decimal's scale and precision must be in range.
struct SchemaCheck {
    let context: DumpContext

    func run(into report: inout CheckReport) {
        for node in context.schema.nodes.dropFirst() {
            let place = "schema[\(node.index)] \(node.path.joined(separator: "."))"
            for message in Self.problems(node.element) {
                report.problem(place, message)
            }
        }
    }

    /// What is wrong with one element's annotations.
    static func problems(_ element: SchemaElement) -> [String] {
        var problems: [String] = []
        if let logical = element.logicalType {
            if let physical = element.type, !suits(logical, physical, typeLength: element.typeLength) {
                problems.append(
                    "logical type \(SchemaDescription.text(logical)) does not suit physical type \(physical)")
            }
            if let converted = element.convertedType, let expected = convertedType(of: logical), converted != expected {
                problems.append("logical type \(SchemaDescription.text(logical)) but converted_type \(converted)")
            }
            if case .decimal(let scale, let precision) = logical {
                if let elementScale = element.scale, elementScale != scale {
                    problems.append(
                        "DECIMAL logical type has scale \(scale) but the element's scale is \(elementScale)")
                }
                if let elementPrecision = element.precision, elementPrecision != precision {
                    problems.append(
                        "DECIMAL logical type has precision \(precision) but the element's precision is \(elementPrecision)"
                    )
                }
                problems += decimalProblems(scale: scale, precision: precision, element)
            }
        } else if element.convertedType == .decimal {
            if let scale = element.scale, let precision = element.precision {
                problems += decimalProblems(scale: scale, precision: precision, element)
            } else {
                problems.append("converted_type DECIMAL without scale and precision")
            }
        }
        return problems
    }

    private static func decimalProblems(scale: Int32, precision: Int32, _ element: SchemaElement) -> [String] {
        var problems: [String] = []
        if precision < 1 {
            problems.append("DECIMAL precision \(precision) is not positive")
        } else if let limit = maximumPrecision(element), precision > limit {
            problems.append("DECIMAL precision \(precision) exceeds the \(limit) digits its physical type holds")
        }
        if scale < 0 || scale > max(precision, 0) {
            problems.append("DECIMAL scale \(scale) lies outside 0...precision (\(precision))")
        }
        return problems
    }

    /// The most decimal digits a signed integer of the element's physical type holds.
    private static func maximumPrecision(_ element: SchemaElement) -> Int32? {
        switch element.type {
        case .int32: return 9
        case .int64: return 18
        case .fixedLenByteArray:
            // floor(log10(2^(8n-1) - 1)) = floor((8n - 1) · log10 2); exact for any sane n.
            guard let length = element.typeLength, length > 0 else { return 0 }
            return Int32((Double(length) * 8 - 1) * 0.301_029_995_663_981_2)
        default: return nil
        }
    }

    private static func suits(_ logical: LogicalType, _ physical: PhysicalType, typeLength: Int32?) -> Bool {
        switch logical {
        case .string, .enumeration, .json, .bson: physical == .byteArray
        case .uuid: physical == .fixedLenByteArray && typeLength == 16
        case .float16: physical == .fixedLenByteArray && typeLength == 2
        case .decimal: [.int32, .int64, .fixedLenByteArray, .byteArray].contains(physical)
        case .date: physical == .int32
        case .integer(let bitWidth, _):
            physical == (bitWidth == 64 ? .int64 : .int32) && [8, 16, 32, 64].contains(bitWidth)
        case .time(_, let unit): physical == (unit == .millis ? .int32 : .int64)
        case .timestamp: physical == .int64
        default: true
        }
    }

    /// The converted type that corresponds to a logical type, where there is one.
    private static func convertedType(of logical: LogicalType) -> ConvertedType? {
        switch logical {
        case .string: .utf8
        case .enumeration: .enumeration
        case .json: .json
        case .bson: .bson
        case .decimal: .decimal
        case .date: .date
        case .list: .list
        case .map: .map
        case .time(_, .millis): .timeMillis
        case .time(_, .micros): .timeMicros
        case .timestamp(_, .millis): .timestampMillis
        case .timestamp(_, .micros): .timestampMicros
        case .integer(8, true): .int8
        case .integer(16, true): .int16
        case .integer(32, true): .int32
        case .integer(64, true): .int64
        case .integer(8, false): .uint8
        case .integer(16, false): .uint16
        case .integer(32, false): .uint32
        case .integer(64, false): .uint64
        default: nil
        }
    }
}
