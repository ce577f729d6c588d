/// xxHash64, the hash Parquet Bloom filters apply to each value's PLAIN bytes
/// (for BYTE_ARRAY without the length prefix), with seed 0.
package enum XXHash64 {
    @inlinable static var prime1: UInt64 { 0x9E37_79B1_85EB_CA87 }
    @inlinable static var prime2: UInt64 { 0xC2B2_AE3D_27D4_EB4F }
    @inlinable static var prime3: UInt64 { 0x1656_67B1_9E37_79F9 }
    @inlinable static var prime4: UInt64 { 0x85EB_CA77_C2B2_AE63 }
    @inlinable static var prime5: UInt64 { 0x27D4_EB2F_1656_67C5 }

    /// The hash of `bytes`.
    @inlinable
    package static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var position = 0
        var accumulator: UInt64
        if count >= 32 {
            var lanes = (prime1 &+ prime2, prime2, UInt64(0), 0 &- prime1)
            while position + 32 <= count {
                lanes.0 = round(lanes.0, word64(bytes, position))
                lanes.1 = round(lanes.1, word64(bytes, position + 8))
                lanes.2 = round(lanes.2, word64(bytes, position + 16))
                lanes.3 = round(lanes.3, word64(bytes, position + 24))
                position += 32
            }
            accumulator =
                rotateLeft(lanes.0, 1) &+ rotateLeft(lanes.1, 7)
                &+ rotateLeft(lanes.2, 12) &+ rotateLeft(lanes.3, 18)
            for lane in [lanes.0, lanes.1, lanes.2, lanes.3] {
                accumulator = (accumulator ^ round(0, lane)) &* prime1 &+ prime4
            }
        } else {
            accumulator = prime5
        }
        accumulator &+= UInt64(count)
        while position + 8 <= count {
            accumulator ^= round(0, word64(bytes, position))
            accumulator = rotateLeft(accumulator, 27) &* prime1 &+ prime4
            position += 8
        }
        if position + 4 <= count {
            accumulator ^=
                UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self))) &* prime1
            accumulator = rotateLeft(accumulator, 23) &* prime2 &+ prime3
            position += 4
        }
        while position < count {
            accumulator ^= UInt64(bytes[position]) &* prime5
            accumulator = rotateLeft(accumulator, 11) &* prime1
            position += 1
        }
        accumulator ^= accumulator >> 33
        accumulator &*= prime2
        accumulator ^= accumulator >> 29
        accumulator &*= prime3
        accumulator ^= accumulator >> 32
        return accumulator
    }

    @inlinable @inline(__always)
    static func word64(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inlinable @inline(__always)
    static func round(_ accumulator: UInt64, _ lane: UInt64) -> UInt64 {
        rotateLeft(accumulator &+ lane &* prime2, 31) &* prime1
    }

    @inlinable @inline(__always)
    static func rotateLeft(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }
}
