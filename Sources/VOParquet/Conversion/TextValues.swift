#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Parsing of TABLEDATA cell text.
enum TextValues {
    /// A decimal integer with optional sign, or hexadecimal with `0x`; surrounding
    /// whitespace allowed. Nil when the text is not one, or does not fit Int64.
    static func integer(_ text: UnsafeRawBufferPointer) -> Int64? {
        var index = 0
        var end = text.count
        while index < end, isSpace(text[index]) { index += 1 }
        while end > index, isSpace(text[end - 1]) { end -= 1 }
        guard index < end else { return nil }
        var negative = false
        if text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
            negative = text[index] == UInt8(ascii: "-")
            index += 1
        }
        var magnitude: UInt64 = 0
        if end - index > 2, text[index] == UInt8(ascii: "0"), text[index + 1] | 0x20 == UInt8(ascii: "x") {
            index += 2
            while index < end {
                let byte = text[index]
                let digit: UInt64
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
                guard magnitude >> 60 == 0 else { return nil }
                magnitude = magnitude << 4 | digit
                index += 1
            }
        } else {
            guard index < end else { return nil }
            while index < end {
                let byte = text[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
                guard !overflow1, !overflow2 else { return nil }
                magnitude = sum
                index += 1
            }
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// A floating-point number (decimal, `NaN`, `Inf`, `+Inf`, `-Inf`) filling
    /// `count` bytes at `text`, which must be followed by a NUL byte.
    static func double(_ text: UnsafePointer<CChar>, count: Int) -> Double? {
        var end: UnsafeMutablePointer<CChar>?
        let value = strtod(text, &end)
        guard let end, restIsSpace(from: end, to: text + count), end != UnsafeMutablePointer(mutating: text) else {
            return nil
        }
        return value
    }

    /// As `double`, parsed straight to single precision (no double rounding).
    static func float(_ text: UnsafePointer<CChar>, count: Int) -> Float? {
        var end: UnsafeMutablePointer<CChar>?
        let value = strtof(text, &end)
        guard let end, restIsSpace(from: end, to: text + count), end != UnsafeMutablePointer(mutating: text) else {
            return nil
        }
        return value
    }

    /// A TABLEDATA boolean: true for T, t, 1, true; false for F, f, 0, false
    /// (any case); null for `?`. Nil when it is none of these.
    static func boolean(_ text: UnsafeRawBufferPointer) -> Bool?? {
        var index = 0
        var end = text.count
        while index < end, isSpace(text[index]) { index += 1 }
        while end > index, isSpace(text[end - 1]) { end -= 1 }
        let token = UnsafeRawBufferPointer(rebasing: text[index..<end])
        if token.count == 1 {
            switch token[0] {
            case UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: "1"): return .some(true)
            case UInt8(ascii: "F"), UInt8(ascii: "f"), UInt8(ascii: "0"): return .some(false)
            case UInt8(ascii: "?"): return .some(nil)
            default: return nil
            }
        }
        if token.count == 4, token.elementsEqual("true".utf8, by: { $0 | 0x20 == $1 }) { return .some(true) }
        if token.count == 5, token.elementsEqual("false".utf8, by: { $0 | 0x20 == $1 }) { return .some(false) }
        return nil
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    private static func restIsSpace(from start: UnsafeMutablePointer<CChar>, to end: UnsafePointer<CChar>) -> Bool {
        var pointer = UnsafePointer(start)
        while pointer < end {
            guard isSpace(UInt8(bitPattern: pointer.pointee)) else { return false }
            pointer += 1
        }
        return true
    }
}
