/// Unsigned LEB128 varints: seven bits per byte, least significant group first, the high
/// bit set on all but the last byte. The RLE/bit-packing hybrid's run headers, the DELTA
/// encodings and the Thrift compact protocol all use them; signed values are first mapped
/// by ``ZigZag``.
package enum ULEB128 {
    /// Bytes a `UInt32` can need: ceil(32 / 7).
    package static let maximumUInt32ByteCount = 5

    /// Writes `value` at `destination`, which must have room for
    /// ``maximumUInt32ByteCount`` bytes, and returns the number of bytes written.
    @inlinable @inline(__always)
    package static func write(_ value: UInt32, to destination: UnsafeMutablePointer<UInt8>) -> Int {
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

    /// Appends `value` to `output`.
    @inlinable @inline(__always)
    package static func append(_ value: UInt64, to output: inout [UInt8]) {
        var remaining = value
        while remaining >= 0x80 {
            output.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        output.append(UInt8(truncatingIfNeeded: remaining))
    }

    /// Reads a varint of at most 64 bits (ten bytes, the tenth holding only bit 63) at
    /// `offset` of `input`, and advances `offset` past it.
    @inlinable @inline(__always)
    package static func read(_ input: UnsafeRawBufferPointer, at offset: inout Int) throws(DecodingFailure) -> UInt64 {
        let start = offset
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < input.count else {
                throw DecodingFailure(at: start, "input ends inside a varint")
            }
            let byte = input[offset]
            offset += 1
            if shift == 63 && byte > 1 {
                throw DecodingFailure(at: start, "varint longer than 10 bytes or above 64 bits")
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                return result
            }
            shift += 7
        }
    }
}
