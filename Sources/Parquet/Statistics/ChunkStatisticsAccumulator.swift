/// Running min/max over the pages of a column chunk.
protocol ChunkStatisticsAccumulator {
    init()
    mutating func reset()
    func encoded(nullCount: Int64, descriptor: ColumnDescriptor, maxSize: Int) -> EncodedStatistics
}
