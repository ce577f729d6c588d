/// Unsigned LEB128 varints, as used for the run headers of the RLE/bit-packing hybrid:
/// seven bits per byte, least significant group first, high bit set on all but the last.
enum ULEB128 {
    /// Bytes a `UInt32` can need: ceil(32 / 7).
    static let maximumUInt32ByteCount = 5

    /// Writes `value` at `destination`, which must have room for
    /// ``maximumUInt32ByteCount`` bytes, and returns the number of bytes written.
    @inline(__always)
    static func write(_ value: UInt32, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        var remaining = value
        var written = 0
        while remaining >= 0x80 {
            destination[written] = UInt8(truncatingIfNeeded: remaining) | 0x80
            remaining >>= 7
            written += 1
        }
        destination[written] = UInt8(truncatingIfNeeded: remaining)
        return written + 1
    }

    /// Reads a varint at `offset` and advances `offset` past it. Returns `nil`, leaving
    /// `offset` unspecified, when the input ends first or the value does not fit in 32 bits.
    @inline(__always)
    static func readUInt32(from input: UnsafeRawBufferPointer, at offset: inout Int) -> UInt32? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < input.count, shift < 35 {
            let byte = input[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 {
                return UInt32(exactly: value)
            }
            shift += 7
        }
        return nil
    }
}

extension ULEB128 {
    /// Appends `value` as an unsigned varint.
    static func append(_ value: UInt64, to output: inout [UInt8]) {
        var remaining = value
        while remaining >= 0x80 {
            output.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        output.append(UInt8(truncatingIfNeeded: remaining))
    }

    /// Appends `value` zigzag-mapped (0, -1, 1, -2, … to 0, 1, 2, 3, …) as a varint.
    static func appendZigZag(_ value: Int64, to output: inout [UInt8]) {
        append(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &output)
    }
}
