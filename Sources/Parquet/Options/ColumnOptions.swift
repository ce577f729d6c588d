/// Settings that may differ per column. A `nil` field takes the writer-wide value.
public struct ColumnOptions: Hashable, Sendable {
    /// The column's encoding; nil takes `WriterOptions.encoding`.
    public var encoding: ColumnEncoding?
    /// The column's codec; nil takes `WriterOptions.compression`.
    public var compression: Compression?
    /// Whether the column gets chunk and page statistics; nil takes the writer-wide setting.
    public var statisticsEnabled: Bool?
    /// Overrides `WriterOptions.dictionaryFallbackEncoding` for this column.
    public var dictionaryFallbackEncoding: ColumnEncoding?
    /// A split-block Bloom filter for each of the column's chunks; nil (the default) writes none.
    public var bloomFilter: BloomFilterOptions?

    /// Options that override the writer-wide ones where not nil.
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
