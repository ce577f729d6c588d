/// A fast, non-cryptographic 64-bit hash of a byte string, for the byte-array dictionary.
///
/// It reads eight bytes per step with unaligned loads and finishes with a strong avalanche
/// so that every output bit depends on every input bit; callers use both the top bits (table
/// position) and the low bits (stored tag) of the result. It is not seeded, so it must not
/// face adversarial keys where hash flooding matters; a Parquet column dictionary does not.
enum ByteHash {
    private static let multiplier1: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let multiplier2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let multiplier3: UInt64 = 0xFF51_AFD7_ED55_8CCD

    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var state = UInt64(truncatingIfNeeded: count) &* multiplier1
        if count >= 8 {
            let base = bytes.baseAddress!
            var offset = 0
            while count - offset > 8 {
                state = mix(state, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            // The final word ends exactly at the last byte, overlapping bytes already mixed.
            state = mix(state, base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        } else if count >= 4 {
            let base = bytes.baseAddress!
            let head = UInt64(base.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let tail = UInt64(base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            state = mix(state, head << 32 | tail)
        } else if count > 0 {
            // First, middle and last byte cover all of 1...3 bytes; the length is in the state.
            let word = UInt64(bytes[0]) << 16 | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1])
            state = mix(state, word)
        }
        return avalanche(state)
    }

    /// Folds one 64-bit word into the state: scramble the word, xor it in, rotate and step.
    @inline(__always)
    private static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
        let scrambled = rotateLeft(word &* multiplier2, by: 31) &* multiplier1
        return rotateLeft(state ^ scrambled, by: 27) &* 5 &+ 0x52DC_E729
    }

    @inline(__always)
    private static func rotateLeft(_ value: UInt64, by distance: UInt64) -> UInt64 {
        value &<< distance | value &>> (64 - distance)
    }

    @inline(__always)
    private static func avalanche(_ state: UInt64) -> UInt64 {
        var value = state
        value ^= value >> 33
        value &*= multiplier3
        value ^= value >> 33
        value &*= multiplier2
        value ^= value >> 33
        return value
    }
}
