/// Totals of footer figures. A corrupt or hostile footer can hold any Int64, so a sum
/// may not fit; callers then say so instead of trapping.
enum FooterSum {
    /// The sum of `values`, or nil when it overflows Int64.
    static func of(_ values: some Sequence<Int64>) -> Int64? {
        var total: Int64 = 0
        for value in values {
            let (sum, overflow) = total.addingReportingOverflow(value)
            if overflow { return nil }
            total = sum
        }
        return total
    }

    /// How a sum is shown: the number, or a note that it overflows.
    static func text(_ sum: Int64?) -> String { sum.map(String.init) ?? "more than Int64 holds (overflow)" }
}
