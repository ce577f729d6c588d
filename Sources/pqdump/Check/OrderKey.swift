import ParquetFormat
import ParquetReader

/// A value reduced to what its column order compares: signed or unsigned integers,
/// reals (NaN excluded by callers), or bytes under the column's `StatisticsOrder`.
/// Byte keys are slices of the decoded buffers, so building one allocates nothing.
enum OrderKey {
    case signed(Int64)
    case unsigned(UInt64)
    case real(Double)
    case bytes(ArraySlice<UInt8>, order: StatisticsOrder)

    var isNaN: Bool {
        if case .real(let value) = self { return value.isNaN }
        return false
    }

    /// The key of a primitive value of a column with `order`; nil when the order is
    /// undefined or the value cannot be ordered.
    init?(_ value: RecordValue, order: StatisticsOrder) {
        guard order != .undefined else { return nil }
        switch value {
        case .boolean(let value): self = .unsigned(value ? 1 : 0)
        case .int32(let value):
            self = order == .unsigned ? .unsigned(UInt64(UInt32(bitPattern: value))) : .signed(Int64(value))
        case .int64(let value): self = order == .unsigned ? .unsigned(UInt64(bitPattern: value)) : .signed(value)
        case .float(let value): self = .real(Double(value))
        case .double(let value): self = .real(value)
        case .bytes(let bytes): self.init(bytes[...], order: order)
        default: return nil
        }
    }

    init(_ bytes: ArraySlice<UInt8>, order: StatisticsOrder) {
        if order == .float16, bytes.count == 2 {
            // A real, so that NaN is recognised and left out like a float's.
            let bits = UInt16(bytes[bytes.startIndex]) | UInt16(bytes[bytes.startIndex + 1]) << 8
            self = .real(Double(Float16(bitPattern: bits)))
        } else {
            self = .bytes(bytes, order: order)
        }
    }

    /// The key of value `index` of a decoded buffer, without allocating.
    init?(_ values: ColumnValues, at index: Int, order: StatisticsOrder) {
        guard order != .undefined else { return nil }
        switch values {
        case .byteArray(let buffer): self.init(buffer[index], order: order)
        case .fixedLengthByteArray(let buffer): self.init(buffer[index], order: order)
        case .int96: return nil
        default: self.init(values.recordValue(at: index), order: order)
        }
    }

    /// -1, 0 or 1 as `self` sorts before, with, or after `other` (keys of one column).
    func compare(_ other: OrderKey) -> Int {
        switch (self, other) {
        case (.signed(let a), .signed(let b)): return a < b ? -1 : a == b ? 0 : 1
        case (.unsigned(let a), .unsigned(let b)): return a < b ? -1 : a == b ? 0 : 1
        // ±0 compare equal, as the statistics rules write either sign for a zero bound.
        case (.real(let a), .real(let b)): return a < b ? -1 : a == b ? 0 : 1
        case (.bytes(let a, let order), .bytes(let b, _)):
            return a.withUnsafeBytes { a in
                b.withUnsafeBytes { b in order.isLess(a, b) ? -1 : order.isLess(b, a) ? 1 : 0 }
            }
        default: return 0
        }
    }
}
