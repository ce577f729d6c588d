import CZlib

/// The outcome of checking a page's optional CRC: the CRC-32 (zlib's polynomial) of the
/// page bytes after the header, as stored.
public enum PageChecksum: Sendable, Hashable {
    /// The page header carries no CRC.
    case absent
    case valid
    case invalid(stored: UInt32, computed: UInt32)

    /// Checks `body` against the header's `crc` field.
    static func verify(_ body: UnsafeRawBufferPointer, stored: Int32?) -> PageChecksum {
        guard let stored else { return .absent }
        let computed = crc(body)
        let expected = UInt32(bitPattern: stored)
        return computed == expected ? .valid : .invalid(stored: expected, computed: computed)
    }

    static func crc(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var value: UInt = 0
        var remaining = UnsafeRawBufferPointer(bytes)
        // zlib's length parameter is 32 bits wide.
        while !remaining.isEmpty {
            let count = min(remaining.count, Int(UInt32.max))
            value = crc32(value, remaining.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(count))
            remaining = UnsafeRawBufferPointer(rebasing: remaining[count...])
        }
        return UInt32(truncatingIfNeeded: value)
    }
}
