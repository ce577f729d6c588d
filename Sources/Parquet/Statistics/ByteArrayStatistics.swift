import ParquetFormat

/// Min and max of BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY values.
struct ByteArrayStatistics: ChunkStatisticsAccumulator {
    var min: [UInt8]?
    var max: [UInt8]?

    init() {}

    mutating func reset() { self = .init() }

    mutating func merge(_ page: Self, order: StatisticsOrder) {
        guard let low = page.min, let high = page.max else { return }
        low.withUnsafeBytes { low in high.withUnsafeBytes { high in include(min: low, max: high, order: order) } }
    }

    /// Offers one page's extremes, already found with `StatisticsOrder.isLess`.
    mutating func include(min low: UnsafeRawBufferPointer, max high: UnsafeRawBufferPointer, order: StatisticsOrder) {
        if let current = min {
            if current.withUnsafeBytes({ order.isLess(low, $0) }) { min = Array(low) }
        } else {
            min = Array(low)
        }
        if let current = max {
            if current.withUnsafeBytes({ order.isLess($0, high) }) { max = Array(high) }
        } else {
            max = Array(high)
        }
    }

    func encoded(nullCount: Int64, descriptor: ColumnDescriptor, maxSize: Int) -> EncodedStatistics {
        guard let min, let max else { return EncodedStatistics(nullCount: nullCount) }
        // Fixed-length values keep their length: readers decode them as the column type.
        guard descriptor.physical == .byteArray else {
            return EncodedStatistics(min: min, max: max, isMinExact: true, isMaxExact: true, nullCount: nullCount)
        }
        let isText = descriptor.leafType == .string || descriptor.leafType == .json
        let lower = StatisticsTruncation.truncatedMinimum(min, maxSize: maxSize, isUTF8: isText)
        let upper = StatisticsTruncation.truncatedMaximum(max, maxSize: maxSize, isUTF8: isText)
        return EncodedStatistics(
            min: lower, max: upper,
            isMinExact: lower.count == min.count, isMaxExact: upper == max,
            nullCount: nullCount)
    }
}
