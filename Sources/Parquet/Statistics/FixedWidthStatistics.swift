import ParquetFormat

/// Min, max and NaN count of fixed-width values.
struct FixedWidthStatistics<Value: FixedWidthValue>: ChunkStatisticsAccumulator {
    var min: Value?
    var max: Value?
    var nanCount = 0

    init() {}

    mutating func reset() { self = .init() }

    mutating func merge(_ page: Self, order: StatisticsOrder) {
        nanCount += page.nanCount
        guard let low = page.min, let high = page.max else { return }
        // The page's two extremes go through the same comparison as the values did.
        withUnsafeTemporaryAllocation(of: Value.self, capacity: 2) { pair in
            pair[0] = low
            pair[1] = high
            Value.accumulate(UnsafeBufferPointer(pair), order: order, into: &self)
        }
    }

    @inline(__always)
    mutating func include(min low: Value, max high: Value, by isLess: (Value, Value) -> Bool) {
        if min == nil || isLess(low, min!) { min = low }
        if max == nil || isLess(max!, high) { max = high }
    }

    func encoded(nullCount: Int64, descriptor: ColumnDescriptor, maxSize: Int) -> EncodedStatistics {
        let tracksNaN =
            descriptor.physical == .float || descriptor.physical == .double
            || descriptor.statisticsOrder == .float16
        let hasBounds = min != nil && max != nil
        return EncodedStatistics(
            min: min?.statisticsBytes(asMinimum: true),
            max: max?.statisticsBytes(asMinimum: false),
            isMinExact: hasBounds ? true : nil,
            isMaxExact: hasBounds ? true : nil,
            nullCount: nullCount,
            nanCount: tracksNaN ? Int64(nanCount) : nil)
    }
}
