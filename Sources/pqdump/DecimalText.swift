/// Decimal text of unscaled integers, from machine integers or big-endian two's
/// complement bytes of any length.
///
/// A corrupt file can claim any scale and any width, so the text stays linear in the
/// value's size: a scale beyond `maximumPlainScale` is shown as an exponent, and an
/// integer wider than `maximumDecimalBytes` in hexadecimal.
enum DecimalText {
    /// Scales up to this are written out with every zero; decimal256 needs 76.
    static let maximumPlainScale = 100
    /// Widths up to this are converted to decimal digits (quadratic in the width).
    static let maximumDecimalBytes = 64

    /// `unscaled × 10^-scale` with exactly `scale` fraction digits.
    static func text<Value: BinaryInteger>(unscaled: Value, scale: Int) -> String {
        place(digits: String(unscaled.magnitude), negative: unscaled < 0, scale: scale)
    }

    /// The same for a big-endian two's complement integer of any width.
    static func text(bigEndian bytes: some Collection<UInt8>, scale: Int) -> String {
        guard bytes.count <= maximumDecimalBytes else {
            let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
            return "0x\(hex) (two's complement) e\(-scale)"
        }
        var magnitude = Array(bytes)
        let negative = (magnitude.first ?? 0) & 0x80 != 0
        if negative {
            // Two's complement negation: invert, then add one.
            var carry: UInt16 = 1
            for index in magnitude.indices.reversed() {
                let sum = UInt16(~magnitude[index]) + carry
                magnitude[index] = UInt8(truncatingIfNeeded: sum)
                carry = sum >> 8
            }
        }
        return place(digits: decimalDigits(magnitude), negative: negative, scale: scale)
    }

    /// Base-10 digits of an unsigned big-endian integer, by repeated division by 10.
    private static func decimalDigits(_ bigEndian: [UInt8]) -> String {
        var number = Array(bigEndian.drop { $0 == 0 })
        guard !number.isEmpty else { return "0" }
        var digits: [UInt8] = []
        while !number.isEmpty {
            var remainder: UInt16 = 0
            for index in number.indices {
                let current = remainder << 8 | UInt16(number[index])
                number[index] = UInt8(current / 10)
                remainder = current % 10
            }
            digits.append(UInt8(remainder) + UInt8(ascii: "0"))
            number = Array(number.drop { $0 == 0 })
        }
        return String(decoding: digits.reversed(), as: UTF8.self)
    }

    private static func place(digits: String, negative: Bool, scale: Int) -> String {
        guard scale.magnitude <= maximumPlainScale else {
            return (negative ? "-" : "") + digits + "e\(-scale)"
        }
        guard scale > 0 else {
            let zeros = scale < 0 && digits != "0" ? String(repeating: "0", count: -scale) : ""
            return (negative ? "-" : "") + digits + zeros
        }
        let padded = digits.count <= scale ? String(repeating: "0", count: scale + 1 - digits.count) + digits : digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + padded[..<split] + "." + padded[split...]
    }
}
