/// Parsing of ISO-8601 timestamps (as DALI writes them) to microseconds since
/// 1970-01-01T00:00:00Z.
///
/// Accepted: `YYYY-MM-DD`, optionally followed by `T` (or a space) and `hh:mm`,
/// `hh:mm:ss` or `hh:mm:ss.fff…` (any number of fraction digits; digits past the
/// microsecond are dropped), optionally followed by `Z` or an offset `±hh:mm`,
/// `±hhmm`, `±hh`. Text without an offset is taken as UTC.
enum ISO8601Timestamp {
    static func microseconds(_ text: UnsafeRawBufferPointer) -> Int64? {
        var scanner = Scanner(bytes: text)
        scanner.trimWhitespace()
        guard let year = scanner.digits(4), scanner.take(UInt8(ascii: "-")),
            let month = scanner.digits(2), scanner.take(UInt8(ascii: "-")),
            let day = scanner.digits(2),
            (1...12).contains(month), day >= 1, day <= daysInMonth(month, year: year)
        else { return nil }
        var seconds = daysSinceEpoch(year: year, month: month, day: day) * 86_400
        var micros: Int64 = 0
        if scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: "t")) || scanner.take(UInt8(ascii: " ")) {
            guard let hour = scanner.digits(2), scanner.take(UInt8(ascii: ":")), let minute = scanner.digits(2),
                hour < 24, minute < 60
            else { return nil }
            seconds += Int64(hour * 3600 + minute * 60)
            if scanner.take(UInt8(ascii: ":")) {
                guard let second = scanner.digits(2), second < 60 else { return nil }
                seconds += Int64(second)
                if scanner.take(UInt8(ascii: ".")) || scanner.take(UInt8(ascii: ",")) {
                    var digitCount = 0
                    while let digit = scanner.digit() {
                        if digitCount < 6 { micros = micros * 10 + Int64(digit) }
                        digitCount += 1
                    }
                    guard digitCount > 0 else { return nil }
                    for _ in digitCount..<max(digitCount, 6) { micros *= 10 }
                }
            }
            if scanner.take(UInt8(ascii: "Z")) || scanner.take(UInt8(ascii: "z")) {
                // UTC.
            } else if let sign = scanner.sign() {
                guard let hours = scanner.digits(2), hours < 24 else { return nil }
                var minutes = 0
                if scanner.take(UInt8(ascii: ":")) {
                    guard let value = scanner.digits(2) else { return nil }
                    minutes = value
                } else if let value = scanner.digits(2) {
                    minutes = value
                }
                guard minutes < 60 else { return nil }
                seconds -= Int64(sign * (hours * 3600 + minutes * 60))
            }
        }
        guard scanner.atEnd else { return nil }
        return seconds * 1_000_000 + micros
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int64(era * 146_097 + dayOfEra - 719_468)
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var index = 0
        var end: Int

        init(bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
            end = bytes.count
        }

        var atEnd: Bool { index == end }

        mutating func trimWhitespace() {
            while index < end,
                bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D
            { index += 1 }
            while end > index,
                bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D
            { end -= 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < end, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func digit() -> Int? {
            guard index < end, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else { return nil }
            defer { index += 1 }
            return Int(bytes[index] - UInt8(ascii: "0"))
        }

        /// Exactly `count` digits as a number.
        mutating func digits(_ count: Int) -> Int? {
            let start = index
            var value = 0
            for _ in 0..<count {
                guard let digit = digit() else {
                    index = start
                    return nil
                }
                value = value * 10 + digit
            }
            return value
        }

        mutating func sign() -> Int? {
            if take(UInt8(ascii: "+")) { return 1 }
            if take(UInt8(ascii: "-")) { return -1 }
            return nil
        }
    }
}
