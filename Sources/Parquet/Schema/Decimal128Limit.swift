/// Arithmetic on decimal precision: the largest unscaled value and the bytes needed.
enum Decimal128Limit {
    /// 10^precision - 1, saturated at Int128.max for precisions beyond what Int128 holds.
    static func largestUnscaled(precision: Int) -> Int128 {
        var value: Int128 = 1
        for _ in 0..<precision {
            let (next, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return Int128.max }
            value = next
        }
        return value - 1
    }

    /// The most decimal digits a two's complement integer of `byteLength` bytes always holds.
    static func maximumPrecision(byteLength: Int) -> Int {
        // floor(log10(2^(8n-1) - 1))
        Int((Double(8 * byteLength - 1) * 0.30102999566398120).rounded(.down))
    }

    /// The fewest bytes whose two's complement range holds every value of `precision` digits.
    static func minimalByteLength(precision: Int) -> Int {
        var length = 1
        while maximumPrecision(byteLength: length) < precision { length += 1 }
        return length
    }
}
