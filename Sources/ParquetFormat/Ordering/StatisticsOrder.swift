#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How the values of a column compare: the type-defined order (`ColumnOrder`) that its
/// min/max statistics and its page index's boundary order follow.
public enum StatisticsOrder: Hashable, Sendable {
    /// Signed integers, or IEEE floats with the spec's NaN and zero rules.
    case signed
    /// Unsigned integers and booleans, or byte arrays compared lexicographically as
    /// unsigned bytes.
    case unsigned
    /// Big-endian two's complement byte arrays (DECIMAL on BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY).
    case signedBigEndian
    /// Little-endian IEEE half floats in two bytes (FLOAT16), with the float rules.
    case float16
    /// No order is defined (INT96, INTERVAL): the column's min and max mean nothing.
    case undefined

    /// Whether byte-array value `lhs` sorts before `rhs`: as two's complement integers
    /// for `.signedBigEndian` (of any lengths), as half floats for `.float16` (a NaN sorts
    /// neither before nor after anything), otherwise as unsigned bytes, a prefix first.
    @inlinable
    public func isLess(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        switch self {
        case .signedBigEndian:
            if lhs.count != rhs.count { return Self.isLessTwosComplement(lhs, rhs) }
            if let first = lhs.first, let other = rhs.first, first != other {
                return Int8(bitPattern: first) < Int8(bitPattern: other)
            }
        case .float16 where lhs.count == 2 && rhs.count == 2:
            return Float16(bitPattern: lhs.loadUnaligned(as: UInt16.self).littleEndian)
                < Float16(bitPattern: rhs.loadUnaligned(as: UInt16.self).littleEndian)
        default:
            break
        }
        let common = Swift.min(lhs.count, rhs.count)
        if common > 0 {
            let result = memcmp(lhs.baseAddress!, rhs.baseAddress!, common)
            if result != 0 { return result < 0 }
        }
        return lhs.count < rhs.count
    }

    /// Big-endian two's complement integers of different lengths, the shorter one
    /// sign-extended.
    @usableFromInline
    static func isLessTwosComplement(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        let lhsNegative = (lhs.first ?? 0) & 0x80 != 0
        let rhsNegative = (rhs.first ?? 0) & 0x80 != 0
        if lhsNegative != rhsNegative { return lhsNegative }
        let width = Swift.max(lhs.count, rhs.count)
        let fill: UInt8 = lhsNegative ? 0xFF : 0
        for position in 0..<width {
            let left = position < width - lhs.count ? fill : lhs[position - (width - lhs.count)]
            let right = position < width - rhs.count ? fill : rhs[position - (width - rhs.count)]
            if left != right { return left < right }
        }
        return false
    }
}
