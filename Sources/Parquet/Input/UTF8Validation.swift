/// The UTF-8 checks of text the writer accepts.
enum UTF8Validation {
    /// Whether `bytes` are well-formed UTF-8 (no overlongs, surrogates or values past
    /// U+10FFFF). `UTF8Span` validates in place; where the standard library predates it,
    /// `String(validating:as:)` does the same check at the cost of a copy.
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let units = bytes.assumingMemoryBound(to: UInt8.self)
        if #available(macOS 26, iOS 26, *) {
            return (try? UTF8Span(validating: units.span)) != nil
        }
        return String(validating: units, as: UTF8.self) != nil
    }

    /// Whether every byte is ASCII, checked eight bytes at a time. The standard library's
    /// only counterpart, `UTF8Span.isKnownASCII`, comes after a full validation, which is
    /// slower on text that is not all ASCII, the case where this check is then followed by
    /// one per value.
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        var seen: UInt64 = 0
        while index &+ 8 <= bytes.count {
            seen |= bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index &+= 8
        }
        while index < bytes.count {
            seen |= UInt64(bytes[index])
            index &+= 1
        }
        return seen & 0x8080_8080_8080_8080 == 0
    }
}
