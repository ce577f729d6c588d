import ParquetFormat

/// The per-page bounds and null counts of one column chunk, gathered as its pages close,
/// for the chunk's ColumnIndex.
///
/// The bounds of all pages sit back to back in one buffer, so a page costs a few
/// dozen bytes however many pages a large row group has.
struct ColumnIndexBuilder {
    private var nullPages: [Bool] = []
    /// Each page's min then max, encoded, back to back; a null page has two empty bounds.
    private var bounds: [UInt8] = []
    /// Where each bound ends in `bounds`: two per page.
    private var boundEnds: [Int32] = []
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
            boundEnds.append(Int32(bounds.count))
            boundEnds.append(Int32(bounds.count))
            return
        }
        guard let low = statistics.min, let high = statistics.max else {
            isDescribable = false
            return
        }
        nullPages.append(false)
        bounds.append(contentsOf: low)
        boundEnds.append(Int32(bounds.count))
        bounds.append(contentsOf: high)
        boundEnds.append(Int32(bounds.count))
    }

    /// Bound `index` of `boundEnds` as its own array.
    private func bound(_ index: Int) -> [UInt8] {
        let start = index == 0 ? 0 : Int(boundEnds[index - 1])
        return Array(bounds[start..<Int(boundEnds[index])])
    }

    /// The chunk's ColumnIndex, or nil when some page cannot be described.
    func columnIndex(descriptor: ColumnDescriptor) -> ColumnIndex? {
        guard isDescribable, !nullPages.isEmpty else { return nil }
        let minValues = stride(from: 0, to: boundEnds.count, by: 2).map(bound)
        let maxValues = stride(from: 1, to: boundEnds.count, by: 2).map(bound)
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
        bounds.removeAll(keepingCapacity: true)
        boundEnds.removeAll(keepingCapacity: true)
        nullCounts.removeAll(keepingCapacity: true)
        nanCounts.removeAll(keepingCapacity: true)
        isDescribable = true
    }
}
