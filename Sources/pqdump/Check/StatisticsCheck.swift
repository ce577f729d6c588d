import ParquetFormat
import ParquetReader

/// Checks statistics (of a chunk, a page, or one page-index entry) against the decoded
/// values they describe.
struct StatisticsCheck {
    let leaf: LeafColumn
    let order: StatisticsOrder

    init(leaf: LeafColumn, kind: ValueKind) {
        self.leaf = leaf
        order = StatisticsOrder(leaf, kind: kind)
    }

    /// Smallest and largest non-NaN value in `range`, and how many NaNs it holds.
    struct Extremes {
        var minimum: OrderKey?
        var maximum: OrderKey?
        var nanCount = 0
    }

    func extremes(of values: ColumnValues, in range: Range<Int>) -> Extremes {
        var result = Extremes()
        for index in range {
            guard let key = OrderKey(values, at: index, order: order) else { return result }
            if key.isNaN {
                result.nanCount += 1
                continue
            }
            if result.minimum.map({ key.compare($0) < 0 }) ?? true { result.minimum = key }
            if result.maximum.map({ key.compare($0) > 0 }) ?? true { result.maximum = key }
        }
        return result
    }

    /// Whether bounds of this column may be truncated rather than exact: byte arrays,
    /// unless the writer marked them exact.
    private var boundsMayBeInexact: Bool {
        leaf.physicalType == .byteArray || leaf.physicalType == .fixedLenByteArray
    }

    /// Checks one bound (`isMinimum` or maximum) found in a statistics structure.
    func checkBound(
        _ bytes: [UInt8], isMinimum: Bool, exact: Bool?, actual: Extremes, name: String,
        report: (String) -> Void
    ) {
        guard order != .undefined else { return }
        guard let value = leaf.statisticsValue(bytes), let bound = OrderKey(value, order: order) else {
            report("\(name) has \(bytes.count) bytes, which is not a \(leaf.physicalType) value")
            return
        }
        guard !bound.isNaN else {
            report("\(name) is NaN; NaN must not be a bound")
            return
        }
        guard let extreme = isMinimum ? actual.minimum : actual.maximum else {
            report("\(name) is set although no non-null, non-NaN value exists")
            return
        }
        let comparison = bound.compare(extreme)
        let mustBeExact = boundsMayBeInexact ? exact == true : true
        if mustBeExact && comparison != 0 {
            report("\(name) differs from the data's \(isMinimum ? "minimum" : "maximum")")
        } else if isMinimum ? comparison > 0 : comparison < 0 {
            report("\(name) does not bound the data's \(isMinimum ? "minimum" : "maximum")")
        }
    }

    /// Checks a Statistics structure against the values in `range`; `nullCount` is the
    /// decoded number of nulls, or nil when it is not comparable (nested columns).
    func check(
        _ statistics: Statistics, values: ColumnValues, range: Range<Int>, nullCount: Int?, report: (String) -> Void
    ) {
        if let declared = statistics.nullCount, let nullCount, declared != Int64(nullCount) {
            report("null_count \(declared) but the data has \(nullCount) nulls")
        }
        if let distinct = statistics.distinctCount, distinct > Int64(range.count) {
            report("distinct_count \(distinct) exceeds the \(range.count) non-null values")
        }
        let actual = extremes(of: values, in: range)
        if let declared = statistics.nanCount, order != .undefined, declared != Int64(actual.nanCount) {
            report("nan_count \(declared) but the data has \(actual.nanCount) NaNs")
        }
        let bounds = statistics.bounds(order: order)
        let prefix = bounds.deprecated ? "deprecated " : ""
        if let minimum = bounds.min {
            checkBound(
                minimum, isMinimum: true, exact: bounds.deprecated ? nil : statistics.isMinValueExact,
                actual: actual, name: prefix + "min", report: report)
        }
        if let maximum = bounds.max {
            checkBound(
                maximum, isMinimum: false, exact: bounds.deprecated ? nil : statistics.isMaxValueExact,
                actual: actual, name: prefix + "max", report: report)
        }
    }
}
