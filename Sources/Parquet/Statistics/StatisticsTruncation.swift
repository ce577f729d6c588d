/// Shortening of long byte-array min/max values so that the truncated minimum is
/// still ≤ every value and the truncated maximum still ≥ every value.
enum StatisticsTruncation {
    /// A prefix of at most `maxSize` bytes, cut on a character boundary for UTF-8.
    static func truncatedMinimum(_ value: [UInt8], maxSize: Int, isUTF8: Bool) -> [UInt8] {
        guard value.count > maxSize else { return value }
        let end = isUTF8 ? characterBoundary(in: value, atOrBefore: maxSize) : maxSize
        return Array(value[..<end])
    }

    /// The shortest bound of at most `maxSize` bytes above `value`: a prefix whose last
    /// character (or byte) is incremented. Returns `value` whole when no such bound
    /// exists, as when every byte is 0xFF.
    static func truncatedMaximum(_ value: [UInt8], maxSize: Int, isUTF8: Bool) -> [UInt8] {
        guard value.count > maxSize else { return value }
        if isUTF8 {
            var scalars = Array(
                String(decoding: value[..<characterBoundary(in: value, atOrBefore: maxSize)], as: UTF8.self)
                    .unicodeScalars)
            while let last = scalars.popLast() {
                if let next = nextScalar(after: last) {
                    var bytes = Array(String(String.UnicodeScalarView(scalars)).utf8)
                    bytes.append(contentsOf: String(Character(next)).utf8)
                    if bytes.count <= maxSize { return bytes }
                }
            }
            return value
        }
        var prefix = Array(value[..<maxSize])
        while let last = prefix.popLast() {
            if last < 0xFF {
                prefix.append(last + 1)
                return prefix
            }
        }
        return value
    }

    /// The largest index ≤ `limit` that does not split a UTF-8 sequence.
    private static func characterBoundary(in bytes: [UInt8], atOrBefore limit: Int) -> Int {
        var end = limit
        // Continuation bytes look like 0b10xxxxxx; back up to a lead byte.
        while end > 0, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }

    private static func nextScalar(after scalar: Unicode.Scalar) -> Unicode.Scalar? {
        var value = scalar.value + 1
        if value == 0xD800 { value = 0xE000 }
        return Unicode.Scalar(value)
    }
}
