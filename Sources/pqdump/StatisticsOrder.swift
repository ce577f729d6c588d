import ParquetFormat
import ParquetReader

/// How a column's statistics are ordered, which decides whether deprecated `min`/`max`
/// fields (defined by signed comparison) can be trusted, and how `check` compares values.
enum StatisticsOrder: Equatable {
    case signed
    case unsigned
    /// INT96, INTERVAL and unknown types have no defined order.
    case undefined

    init(_ leaf: LeafColumn, kind: ValueKind) {
        if leaf.element.convertedType == .interval {
            self = .undefined
            return
        }
        switch leaf.physicalType {
        case .boolean: self = .unsigned
        case .int32, .int64: self = kind == .unsignedInteger ? .unsigned : .signed
        case .float, .double: self = .signed
        case .byteArray, .fixedLenByteArray:
            switch kind {
            case .decimal, .float16: self = .signed
            default: self = .unsigned
            }
        default: self = .undefined
        }
    }
}

extension Statistics {
    /// The bounds to show: `min_value`/`max_value`, else the deprecated `min`/`max` when
    /// the column's order is signed (the only order they were defined for).
    func bounds(order: StatisticsOrder) -> (min: [UInt8]?, max: [UInt8]?, deprecated: Bool) {
        if minValue != nil || maxValue != nil {
            return (minValue, maxValue, false)
        }
        if order == .signed, min != nil || max != nil {
            return (min, max, true)
        }
        return (nil, nil, false)
    }
}
