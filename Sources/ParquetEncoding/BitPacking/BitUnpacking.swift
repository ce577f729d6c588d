/// Unpacking of ``BitPacking``'s layout, for the RLE/bit-packing hybrid and
/// DELTA_BINARY_PACKED miniblocks, and of the deprecated BIT_PACKED level encoding.
extension BitPacking {
    /// Unpacks `count` values of `bitWidth` (0...64) bits from the start of `input`, which
    /// must hold at least `byteCount(valueCount: count, bitWidth: bitWidth)` bytes.
    static func unpack<Value: FixedWidthInteger & UnsignedInteger>(
        _ input: UnsafeRawBufferPointer, count: Int, bitWidth: Int, into output: UnsafeMutablePointer<Value>
    ) {
        guard bitWidth > 0 else {
            output.update(repeating: 0, count: count)
            return
        }
        let mask: UInt64 = bitWidth == 64 ? ~0 : (1 << UInt64(bitWidth)) - 1
        let base = input.baseAddress!
        let available = input.count
        var bit = 0
        for index in 0..<count {
            let byte = bit >> 3
            let shift = UInt64(bit & 7)
            var word: UInt64
            if byte + 8 <= available {
                word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: byte, as: UInt64.self))
            } else {
                word = 0
                for offset in 0..<(available - byte) {
                    word |= UInt64(base.load(fromByteOffset: byte + offset, as: UInt8.self)) << UInt64(8 * offset)
                }
            }
            var value = word >> shift
            // A value can straddle nine bytes when it is wide and starts mid-byte.
            if shift + UInt64(bitWidth) > 64, byte + 8 < available {
                value |= UInt64(base.load(fromByteOffset: byte + 8, as: UInt8.self)) << (64 - shift)
            }
            output[index] = Value(truncatingIfNeeded: value & mask)
            bit += bitWidth
        }
    }

    /// Unpacks values packed most-significant-bit first, the deprecated BIT_PACKED level
    /// encoding; `input` must hold `byteCount(valueCount: count, bitWidth: bitWidth)` bytes.
    package static func unpackMostSignificantFirst(
        _ input: UnsafeRawBufferPointer, count: Int, bitWidth: Int, into output: UnsafeMutablePointer<UInt8>
    ) {
        var bit = 0
        for index in 0..<count {
            var value: UInt8 = 0
            for _ in 0..<bitWidth {
                let byte = input[bit >> 3]
                value = value << 1 | (byte >> UInt8(7 - (bit & 7))) & 1
                bit += 1
            }
            output[index] = value
        }
    }
}
