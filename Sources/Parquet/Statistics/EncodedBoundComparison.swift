import ParquetFormat

/// Comparison of min/max values in their statistics encoding, under a column's sort order.
enum EncodedBoundComparison {
    /// Whether `lhs` sorts before `rhs`; both are non-empty bounds of a column of `descriptor`.
    static func isLess(_ lhs: [UInt8], _ rhs: [UInt8], descriptor: ColumnDescriptor) -> Bool {
        let order = descriptor.statisticsOrder
        switch descriptor.physical {
        case .int32:
            let left = littleEndian(lhs, as: UInt32.self)
            let right = littleEndian(rhs, as: UInt32.self)
            return order == .unsigned ? left < right : Int32(bitPattern: left) < Int32(bitPattern: right)
        case .int64:
            let left = littleEndian(lhs, as: UInt64.self)
            let right = littleEndian(rhs, as: UInt64.self)
            return order == .unsigned ? left < right : Int64(bitPattern: left) < Int64(bitPattern: right)
        case .float:
            return Float(bitPattern: littleEndian(lhs, as: UInt32.self))
                < Float(bitPattern: littleEndian(rhs, as: UInt32.self))
        case .double:
            return Double(bitPattern: littleEndian(lhs, as: UInt64.self))
                < Double(bitPattern: littleEndian(rhs, as: UInt64.self))
        case .boolean, .byteArray, .fixedLenByteArray:
            return lhs.withUnsafeBytes { left in
                rhs.withUnsafeBytes { right in order.isLess(left, right) }
            }
        }
    }

    /// ASCENDING when each page's min and max are at least the previous page's, DESCENDING
    /// when at most, UNORDERED otherwise; pages without bounds (all null) are skipped.
    static func boundaryOrder(
        minValues: [[UInt8]], maxValues: [[UInt8]], nullPages: [Bool], descriptor: ColumnDescriptor
    ) -> BoundaryOrder {
        var ascending = true
        var descending = true
        var previous: Int?
        for page in nullPages.indices where !nullPages[page] {
            if let before = previous {
                if isLess(minValues[page], minValues[before], descriptor: descriptor)
                    || isLess(maxValues[page], maxValues[before], descriptor: descriptor)
                {
                    ascending = false
                }
                if isLess(minValues[before], minValues[page], descriptor: descriptor)
                    || isLess(maxValues[before], maxValues[page], descriptor: descriptor)
                {
                    descending = false
                }
                if !ascending && !descending { return .unordered }
            }
            previous = page
        }
        return ascending ? .ascending : descending ? .descending : .unordered
    }

    private static func littleEndian<Integer: FixedWidthInteger>(_ bytes: [UInt8], as: Integer.Type) -> Integer {
        var value: Integer = 0
        for (shift, byte) in bytes.prefix(MemoryLayout<Integer>.size).enumerated() {
            value |= Integer(byte) << (shift * 8)
        }
        return value
    }
}
