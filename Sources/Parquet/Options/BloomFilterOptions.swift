/// A column's split-block Bloom filter: one per column chunk, sized for
/// `expectedDistinctCount` values at `falsePositiveProbability`, between 32 bytes and
/// 128 MiB (a power of two). Not for BOOLEAN columns.
public struct BloomFilterOptions: Hashable, Sendable {
    /// Distinct values expected in one column chunk (one row group).
    public var expectedDistinctCount: Int
    /// The false-positive probability wanted at that count, in 0 < p < 1.
    public var falsePositiveProbability: Double

    /// A filter sized for `expectedDistinctCount` values per column chunk at `falsePositiveProbability`.
    public init(expectedDistinctCount: Int, falsePositiveProbability: Double = 0.01) {
        self.expectedDistinctCount = expectedDistinctCount
        self.falsePositiveProbability = falsePositiveProbability
    }

    func validate(column: String) throws(ParquetWriterError) {
        guard expectedDistinctCount > 0 else {
            throw .invalidOption("column '\(column)': bloom filter expectedDistinctCount must be positive")
        }
        guard falsePositiveProbability > 0, falsePositiveProbability < 1 else {
            throw .invalidOption(
                "column '\(column)': bloom filter falsePositiveProbability \(falsePositiveProbability) is outside 0 < p < 1"
            )
        }
    }
}
