#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Comparison of byte-array values under a column's statistics order.
enum ByteOrdering {
    /// Whether `lhs` sorts before `rhs`.
    @inline(__always)
    static func isLess(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer, order: StatisticsOrder) -> Bool {
        if order == .signedBigEndian, let first = lhs.first, let other = rhs.first, first != other {
            return Int8(bitPattern: first) < Int8(bitPattern: other)
        }
        let common = Swift.min(lhs.count, rhs.count)
        if common > 0 {
            let result = memcmp(lhs.baseAddress!, rhs.baseAddress!, common)
            if result != 0 { return result < 0 }
        }
        return lhs.count < rhs.count
    }
}
