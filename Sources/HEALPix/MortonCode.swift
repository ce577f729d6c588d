/// The Z-order (Morton) code that numbers the cells inside a base cell in the NESTED
/// scheme: the bits of the two cell coordinates interleaved, the first in the even bits.
enum MortonCode {
    /// `i` in the even bits and `j` in the odd bits; both below 2^32.
    static func interleave(_ i: UInt32, _ j: UInt32) -> UInt64 {
        spread(i) | spread(j) << 1
    }

    /// The bits of `value` moved to the even positions.
    private static func spread(_ value: UInt32) -> UInt64 {
        var bits = UInt64(value)
        bits = (bits | bits << 16) & 0x0000_FFFF_0000_FFFF
        bits = (bits | bits << 8) & 0x00FF_00FF_00FF_00FF
        bits = (bits | bits << 4) & 0x0F0F_0F0F_0F0F_0F0F
        bits = (bits | bits << 2) & 0x3333_3333_3333_3333
        bits = (bits | bits << 1) & 0x5555_5555_5555_5555
        return bits
    }
}
