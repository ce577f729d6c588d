/// The zigzag mapping of signed integers to unsigned ones (0, -1, 1, -2, … to 0, 1, 2,
/// 3, …), so that small magnitudes of either sign make short varints. A 32-bit value maps
/// to the same number as its 64-bit sign extension, so one pair serves `i32` and `i64`.
package enum ZigZag {
    @inlinable @inline(__always)
    package static func encode(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    @inlinable @inline(__always)
    package static func decode(_ value: UInt64) -> Int64 {
        Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
    }
}
