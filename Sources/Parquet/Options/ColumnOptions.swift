/// Settings that may differ per column. A `nil` field takes the writer-wide value.
public struct ColumnOptions: Hashable, Sendable {
    public var encoding: ColumnEncoding?
    public var compression: Compression?
    public var statisticsEnabled: Bool?
    /// Overrides `WriterOptions.dictionaryFallbackEncoding` for this column.
    public var dictionaryFallbackEncoding: ColumnEncoding?

    public init(
        encoding: ColumnEncoding? = nil, compression: Compression? = nil, statisticsEnabled: Bool? = nil,
        dictionaryFallbackEncoding: ColumnEncoding? = nil
    ) {
        self.encoding = encoding
        self.dictionaryFallbackEncoding = dictionaryFallbackEncoding
        self.compression = compression
        self.statisticsEnabled = statisticsEnabled
    }
}
