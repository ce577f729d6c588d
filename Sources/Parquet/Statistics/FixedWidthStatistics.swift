/// Min, max and NaN count of fixed-width values.
struct FixedWidthStatistics<Value: FixedWidthValue>: ChunkStatisticsAccumulator {
    var min: Value?
    var max: Value?
    var nanCount = 0

    init() {}

    mutating func reset() { self = .init() }

    @inline(__always)
    mutating func include(min low: Value, max high: Value, by isLess: (Value, Value) -> Bool) {
        if min == nil || isLess(low, min!) { min = low }
        if max == nil || isLess(max!, high) { max = high }
    }

    func encoded(nullCount: Int64, descriptor: ColumnDescriptor, maxSize: Int) -> EncodedStatistics {
        let tracksNaN = descriptor.physical == .float || descriptor.physical == .double
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
