/// Settings that may differ per column. A `nil` field takes the writer-wide value.
public struct ColumnOptions: Hashable, Sendable {
    public var encoding: ColumnEncoding?
    public var compression: Compression?
    public var statisticsEnabled: Bool?
    /// Overrides `WriterOptions.dictionaryFallbackEncoding` for this column.
    public var dictionaryFallbackEncoding: ColumnEncoding?
    /// A split-block Bloom filter for each of the column's chunks; nil (the default) writes none.
    public var bloomFilter: BloomFilterOptions?

    public init(
        encoding: ColumnEncoding? = nil, compression: Compression? = nil, statisticsEnabled: Bool? = nil,
        dictionaryFallbackEncoding: ColumnEncoding? = nil, bloomFilter: BloomFilterOptions? = nil
    ) {
        self.bloomFilter = bloomFilter
        self.encoding = encoding
        self.dictionaryFallbackEncoding = dictionaryFallbackEncoding
        self.compression = compression
        self.statisticsEnabled = statisticsEnabled
    }
}
