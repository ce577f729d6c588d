/// Cutting strings to a VOTable arraysize without splitting a character.
enum StringLimit {
    /// The byte length of the longest prefix of UTF-8 `bytes` that has at most
    /// `maxBytes` bytes and does not end inside a UTF-8 sequence.
    static func utf8PrefixLength(_ bytes: UnsafeRawBufferPointer, maxBytes: Int) -> Int {
        guard bytes.count > maxBytes else { return bytes.count }
        var length = maxBytes
        // Step back over continuation bytes to the start of the cut sequence.
        while length > 0, bytes[length] & 0xC0 == 0x80 { length -= 1 }
        return length
    }

    /// The number of UTF-16 code units of UTF-8 `bytes`.
    static func utf16Count(_ bytes: UnsafeRawBufferPointer) -> Int {
        var units = 0
        for byte in bytes where byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
        return units
    }

    /// The byte length of the longest prefix of UTF-8 `bytes` holding at most
    /// `maxUnits` UTF-16 code units of whole characters.
    static func utf16PrefixLength(_ bytes: UnsafeRawBufferPointer, maxUnits: Int) -> Int {
        var units = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let (length, width) = lead < 0x80 ? (1, 1) : lead < 0xE0 ? (2, 1) : lead < 0xF0 ? (3, 1) : (4, 2)
            guard units + width <= maxUnits else { return index }
            units += width
            index = min(bytes.count, index + length)
        }
        return index
    }
}
