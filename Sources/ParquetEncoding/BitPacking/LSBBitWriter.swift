/// Appends values of any width up to 64 bits back to back, least significant bit first,
/// as the bit packing of DELTA_BINARY_PACKED miniblocks lays them out.
struct LSBBitWriter {
    private var accumulator: UInt64 = 0
    private var pendingBits = 0

    /// Appends the low `bitWidth` bits (0...64) of `value`.
    @inline(__always)
    mutating func append(_ value: UInt64, bitWidth: Int, to output: inout [UInt8]) {
        // A 64-bit value goes in two halves so pending bits plus new bits never pass 64.
        if bitWidth > 32 {
            appendNarrow(value & 0xFFFF_FFFF, bitWidth: 32, to: &output)
            appendNarrow(value >> 32, bitWidth: bitWidth - 32, to: &output)
        } else {
            appendNarrow(value, bitWidth: bitWidth, to: &output)
        }
    }

    @inline(__always)
    private mutating func appendNarrow(_ value: UInt64, bitWidth: Int, to output: inout [UInt8]) {
        guard bitWidth > 0 else { return }
        let mask: UInt64 = bitWidth == 64 ? .max : (1 << UInt64(bitWidth)) &- 1
        accumulator |= (value & mask) &<< UInt64(pendingBits)
        pendingBits += bitWidth
        while pendingBits >= 8 {
            output.append(UInt8(truncatingIfNeeded: accumulator))
            accumulator >>= 8
            pendingBits -= 8
        }
    }

    /// Writes a partial last byte, zero-padded.
    mutating func flush(to output: inout [UInt8]) {
        if pendingBits > 0 { output.append(UInt8(truncatingIfNeeded: accumulator)) }
        accumulator = 0
        pendingBits = 0
    }
}
