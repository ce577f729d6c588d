import ParquetFormat

/// Min and max of BOOLEAN values: false < true.
struct BooleanStatistics: ChunkStatisticsAccumulator {
    var sawFalse = false
    var sawTrue = false

    init() {}

    mutating func reset() { self = .init() }

    mutating func merge(_ page: Self, order: StatisticsOrder) {
        sawFalse = sawFalse || page.sawFalse
        sawTrue = sawTrue || page.sawTrue
    }

    func encoded(nullCount: Int64, descriptor: ColumnDescriptor, maxSize: Int) -> EncodedStatistics {
        guard sawFalse || sawTrue else { return EncodedStatistics(nullCount: nullCount) }
        return EncodedStatistics(
            min: [sawFalse ? 0 : 1], max: [sawTrue ? 1 : 0],
            isMinExact: true, isMaxExact: true, nullCount: nullCount)
    }
}
