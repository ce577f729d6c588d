/// ISO-8601 text of dates, timestamps and times of day, computed with integer arithmetic
/// on the proleptic Gregorian calendar (no Foundation, no range limits).
enum TemporalText {
    static let secondsPerDay: Int64 = 86_400

    /// `YYYY-MM-DD` for a day count since 1970-01-01.
    static func date(daysSinceEpoch days: Int64) -> String {
        let (year, month, day) = civil(daysSinceEpoch: days)
        return yearText(year) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// `YYYY-MM-DDTHH:MM:SS.fff…` with as many fraction digits as the unit has, and `Z`
    /// when the value is adjusted to UTC.
    static func timestamp(_ value: Int64, unitsPerSecond: Int64, adjustedToUTC: Bool) -> String {
        let (seconds, fraction) = floorDivision(Int128(value), Int128(unitsPerSecond))
        let (days, secondOfDay) = floorDivision(seconds, Int128(secondsPerDay))
        return date(daysSinceEpoch: Int64(days)) + "T" + clock(Int64(secondOfDay))
            + fractionText(Int64(fraction), unitsPerSecond: unitsPerSecond) + (adjustedToUTC ? "Z" : "")
    }

    /// `HH:MM:SS.fff…` for a time of day, or nil when the value is outside one day.
    static func time(_ value: Int64, unitsPerSecond: Int64) -> String? {
        guard value >= 0, value <= secondsPerDay * unitsPerSecond else { return nil }
        return clock(value / unitsPerSecond) + fractionText(value % unitsPerSecond, unitsPerSecond: unitsPerSecond)
    }

    /// Year, month (1...12) and day (1...31) of a day count since 1970-01-01
    /// (Howard Hinnant's days-to-civil algorithm).
    static func civil(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = Int128(days) + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int64(year), Int64(month), Int64(day))
    }

    private static func clock(_ secondOfDay: Int64) -> String {
        padded(secondOfDay / 3_600, 2) + ":" + padded(secondOfDay / 60 % 60, 2) + ":" + padded(secondOfDay % 60, 2)
    }

    private static func fractionText(_ fraction: Int64, unitsPerSecond: Int64) -> String {
        let digits = String(unitsPerSecond).count - 1
        return digits == 0 ? "" : "." + padded(fraction, digits)
    }

    /// Four-digit years, with a sign and more digits outside 0...9999 (ISO 8601 expanded form).
    private static func yearText(_ year: Int64) -> String {
        if (0...9_999).contains(year) {
            return padded(year, 4)
        }
        return (year < 0 ? "-" : "+") + padded(year.magnitude, 4)
    }

    private static func padded<Value: BinaryInteger>(_ value: Value, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private static func floorDivision(_ value: Int128, _ divisor: Int128) -> (quotient: Int128, remainder: Int128) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }
}
