/// Resolution of XML references: the five predefined entities and numeric
/// character references.
enum XMLCharacterReference {
    /// The byte a predefined entity name (`lt`, `gt`, `amp`, `quot`, `apos`) stands for.
    static func predefinedEntity(_ name: UnsafeBufferPointer<UInt8>) -> UInt8? {
        switch String(decoding: name, as: UTF8.self) {
        case "lt": UInt8(ascii: "<")
        case "gt": UInt8(ascii: ">")
        case "amp": UInt8(ascii: "&")
        case "quot": UInt8(ascii: "\"")
        case "apos": UInt8(ascii: "'")
        default: nil
        }
    }

    /// The character of a numeric reference body after '#': decimal digits or 'x'
    /// and hex digits. Nil unless it names a character XML allows.
    static func scalar(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar? {
        var digits = digits[...]
        var radix: UInt32 = 10
        if let first = digits.first, first == UInt8(ascii: "x") {
            radix = 16
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        var value: UInt32 = 0
        for byte in digits {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value * radix + digit
        }
        // XML's Char production: tab, newline, carriage return, and U+0020 up, minus U+FFFE/U+FFFF.
        guard value == 0x9 || value == 0xA || value == 0xD || value >= 0x20, value != 0xFFFE, value != 0xFFFF else {
            return nil
        }
        return Unicode.Scalar(value)
    }
}
