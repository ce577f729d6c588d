import ParquetFormat

/// Running min/max over the pages of a column chunk.
protocol ChunkStatisticsAccumulator {
    init()
    mutating func reset()
    /// Folds in the extremes of one page, gathered in an accumulator of its own.
    mutating func merge(_ page: Self, order: StatisticsOrder)
    func encoded(nullCount: Int64, descriptor: ColumnDescriptor, maxSize: Int) -> EncodedStatistics
}
