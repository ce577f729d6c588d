import CZlib

/// CRC-32 with the polynomial of GZIP and zlib, which Parquet's optional page checksum uses.
public enum CRC32 {
    /// The CRC-32 of `bytes`.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var value: UInt = 0
        var remaining = bytes
        // zlib's length parameter is 32 bits wide.
        while let base = remaining.baseAddress, !remaining.isEmpty {
            let count = min(remaining.count, Int(UInt32.max))
            value = crc32(value, base.assumingMemoryBound(to: Bytef.self), uInt(count))
            remaining = UnsafeRawBufferPointer(rebasing: remaining[count...])
        }
        return UInt32(truncatingIfNeeded: value)
    }
}
