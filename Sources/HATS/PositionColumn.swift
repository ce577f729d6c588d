import ParquetReader

/// The values of a right ascension or declination column in one row group, as doubles
/// (nil where the cell is null). The column must be a numeric scalar.
struct PositionColumn {
    private let data: ColumnChunkData
    /// The value index of each row, or -1 for a null; nil when no row is null.
    private let valueIndexes: [Int]?

    init(_ data: ColumnChunkData) {
        self.data = data
        let levels = data.definitionLevels
        if levels.isEmpty || !levels.contains(where: { $0 != UInt8(data.column.maxDefinitionLevel) }) {
            valueIndexes = nil
        } else {
            var next = 0
            valueIndexes = levels.map { level in
                guard level == UInt8(data.column.maxDefinitionLevel) else { return -1 }
                defer { next += 1 }
                return next
            }
        }
    }

    /// Row `row`'s value, or nil for a null.
    func value(row: Int) -> Double? {
        let index: Int
        if let valueIndexes {
            index = valueIndexes[row]
            if index < 0 { return nil }
        } else {
            index = row
        }
        switch data.values {
        case .double(let values): return values[index]
        case .float(let values): return Double(values[index])
        case .int32(let values): return Double(values[index])
        case .int64(let values): return Double(values[index])
        default: return nil
        }
    }
}
