import ParquetCompression

/// The outcome of checking a page's optional CRC: the CRC-32 (zlib's polynomial) of the
/// page bytes after the header, as stored.
public enum PageChecksum: Sendable, Hashable {
    /// The page header carries no CRC.
    case absent
    /// The stored CRC matches the page bytes.
    case valid
    /// The stored CRC differs from the one computed over the page bytes.
    case invalid(stored: UInt32, computed: UInt32)

    /// Checks `body` against the header's `crc` field.
    static func verify(_ body: UnsafeRawBufferPointer, stored: Int32?) -> PageChecksum {
        guard let stored else { return .absent }
        let computed = crc(body)
        let expected = UInt32(bitPattern: stored)
        return computed == expected ? .valid : .invalid(stored: expected, computed: computed)
    }

    static func crc(_ bytes: UnsafeRawBufferPointer) -> UInt32 { CRC32.checksum(bytes) }
}
