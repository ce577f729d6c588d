import ParquetFormat

/// The per-page bounds and null counts of one column chunk, gathered as its pages close,
/// for the chunk's ColumnIndex.
struct ColumnIndexBuilder {
    private var nullPages: [Bool] = []
    private var minValues: [[UInt8]] = []
    private var maxValues: [[UInt8]] = []
    private var nullCounts: [Int64] = []
    /// Per page, for FLOAT and DOUBLE columns (whose statistics count NaNs).
    private var nanCounts: [Int64] = []
    /// False once a page with values has no bounds (its values are all NaN): such a
    /// page cannot be described, so the chunk gets no ColumnIndex.
    private var isDescribable = true

    /// Records one data page from its statistics, encoded like the chunk's.
    mutating func appendPage(_ statistics: EncodedStatistics, valueCount: Int) {
        nullCounts.append(statistics.nullCount)
        if let nanCount = statistics.nanCount { nanCounts.append(nanCount) }
        guard valueCount > 0 else {
            nullPages.append(true)
            minValues.append([])
            maxValues.append([])
            return
        }
        guard let low = statistics.min, let high = statistics.max else {
            isDescribable = false
            return
        }
        nullPages.append(false)
        minValues.append(low)
        maxValues.append(high)
    }

    /// The chunk's ColumnIndex, or nil when some page cannot be described.
    func columnIndex(descriptor: ColumnDescriptor) -> ColumnIndex? {
        guard isDescribable, !nullPages.isEmpty else { return nil }
        return ColumnIndex(
            nullPages: nullPages, minValues: minValues, maxValues: maxValues,
            boundaryOrder: EncodedBoundComparison.boundaryOrder(
                minValues: minValues, maxValues: maxValues, nullPages: nullPages, descriptor: descriptor),
            nullCounts: nullCounts,
            nanCounts: nanCounts.count == nullPages.count ? nanCounts : nil)
    }

    /// Empties the builder and gives back its arrays' storage.
    mutating func releaseStorage() { self = Self() }

    mutating func reset() {
        nullPages.removeAll(keepingCapacity: true)
        minValues.removeAll(keepingCapacity: true)
        maxValues.removeAll(keepingCapacity: true)
        nullCounts.removeAll(keepingCapacity: true)
        nanCounts.removeAll(keepingCapacity: true)
        isDescribable = true
    }
}
