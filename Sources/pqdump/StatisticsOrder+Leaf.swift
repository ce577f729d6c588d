import ParquetFormat
import ParquetReader

extension StatisticsOrder {
    /// The order of `leaf`'s values, presented as `kind`, which decides whether deprecated
    /// `min`/`max` fields can be trusted, and how `check` compares values. INT96,
    /// INTERVAL and unknown types have no defined order.
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
            case .decimal: self = .signedBigEndian
            case .float16: self = .float16
            default: self = .unsigned
            }
        default: self = .undefined
        }
    }
}

extension Statistics {
    /// The bounds to show: `min_value`/`max_value`, else the deprecated `min`/`max` when
    /// the column's order is signed (the only order they were defined for: integers,
    /// floats, decimals).
    func bounds(order: StatisticsOrder) -> (min: [UInt8]?, max: [UInt8]?, deprecated: Bool) {
        if minValue != nil || maxValue != nil {
            return (minValue, maxValue, false)
        }
        let isSigned = order == .signed || order == .signedBigEndian || order == .float16
        if isSigned, min != nil || max != nil {
            return (min, max, true)
        }
        return (nil, nil, false)
    }
}
