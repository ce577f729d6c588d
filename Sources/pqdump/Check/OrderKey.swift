import ParquetReader

/// A value reduced to what its column order compares: signed or unsigned integers,
/// reals (NaN excluded by callers), or bytes compared unsigned or as two's complement.
/// Byte keys are slices of the decoded buffers, so building one allocates nothing.
enum OrderKey {
    case signed(Int64)
    case unsigned(UInt64)
    case real(Double)
    case bytes(ArraySlice<UInt8>)
    case signedBytes(ArraySlice<UInt8>)

    var isNaN: Bool {
        if case .real(let value) = self { return value.isNaN }
        return false
    }

    /// The key of a primitive value of a column with `order` and `kind`; nil when the
    /// order is undefined or the value cannot be ordered.
    init?(_ value: RecordValue, order: StatisticsOrder, kind: ValueKind) {
        guard order != .undefined else { return nil }
        switch value {
        case .boolean(let value): self = .unsigned(value ? 1 : 0)
        case .int32(let value):
            self = order == .unsigned ? .unsigned(UInt64(UInt32(bitPattern: value))) : .signed(Int64(value))
        case .int64(let value): self = order == .unsigned ? .unsigned(UInt64(bitPattern: value)) : .signed(value)
        case .float(let value): self = .real(Double(value))
        case .double(let value): self = .real(value)
        case .bytes(let bytes): self.init(bytes[...], order: order, kind: kind)
        default: return nil
        }
    }

    init(_ bytes: ArraySlice<UInt8>, order: StatisticsOrder, kind: ValueKind) {
        if kind == .float16, bytes.count == 2 {
            let bits = UInt16(bytes[bytes.startIndex]) | UInt16(bytes[bytes.startIndex + 1]) << 8
            self = .real(Double(Float16(bitPattern: bits)))
        } else {
            self = order == .signed ? .signedBytes(bytes) : .bytes(bytes)
        }
    }

    /// The key of value `index` of a decoded buffer, without allocating.
    init?(_ values: ColumnValues, at index: Int, order: StatisticsOrder, kind: ValueKind) {
        guard order != .undefined else { return nil }
        switch values {
        case .byteArray(let buffer): self.init(buffer[index], order: order, kind: kind)
        case .fixedLengthByteArray(let buffer): self.init(buffer[index], order: order, kind: kind)
        case .int96: return nil
        default: self.init(values.recordValue(at: index), order: order, kind: kind)
        }
    }

    /// -1, 0 or 1 as `self` sorts before, with, or after `other` (keys of one column).
    func compare(_ other: OrderKey) -> Int {
        switch (self, other) {
        case (.signed(let a), .signed(let b)): return a < b ? -1 : a == b ? 0 : 1
        case (.unsigned(let a), .unsigned(let b)): return a < b ? -1 : a == b ? 0 : 1
        // ±0 compare equal, as the statistics rules write either sign for a zero bound.
        case (.real(let a), .real(let b)): return a < b ? -1 : a == b ? 0 : 1
        case (.bytes(let a), .bytes(let b)): return Self.compareUnsigned(a, b)
        case (.signedBytes(let a), .signedBytes(let b)): return Self.compareTwosComplement(a, b)
        default: return 0
        }
    }

    private static func compareUnsigned(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        for (x, y) in zip(a, b) where x != y {
            return x < y ? -1 : 1
        }
        return a.count < b.count ? -1 : a.count == b.count ? 0 : 1
    }

    /// Big-endian two's complement integers of possibly different lengths.
    private static func compareTwosComplement(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        let aNegative = (a.first ?? 0) & 0x80 != 0
        let bNegative = (b.first ?? 0) & 0x80 != 0
        if aNegative != bNegative {
            return aNegative ? -1 : 1
        }
        let width = max(a.count, b.count)
        let fill: UInt8 = aNegative ? 0xFF : 0
        for position in 0..<width {
            let x = position < width - a.count ? fill : a[a.startIndex + position - (width - a.count)]
            let y = position < width - b.count ? fill : b[b.startIndex + position - (width - b.count)]
            if x != y {
                return x < y ? -1 : 1
            }
        }
        return 0
    }
}
