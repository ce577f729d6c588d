import ParquetFormat
import Testing

/// Byte-array values compare under a column's order the way the writer's statistics and
/// pqdump's checks both rely on.
@Suite struct StatisticsOrderTests {
    static func isLess(_ lhs: [UInt8], _ rhs: [UInt8], _ order: StatisticsOrder) -> Bool {
        lhs.withUnsafeBytes { lhs in rhs.withUnsafeBytes { rhs in order.isLess(lhs, rhs) } }
    }

    /// Big-endian two's complement of `value` in `width` bytes.
    static func twosComplement(_ value: Int64, width: Int) -> [UInt8] {
        (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    @Test func unsignedComparesBytesThenLength() {
        #expect(Self.isLess([0x01, 0xFF], [0x02], .unsigned))
        #expect(Self.isLess([0x7F], [0x80], .unsigned))
        #expect(Self.isLess([0x61], [0x61, 0x00], .unsigned))
        #expect(!Self.isLess([0x61, 0x00], [0x61], .unsigned))
        #expect(!Self.isLess([0x61], [0x61], .unsigned))
        #expect(Self.isLess([], [0x00], .unsigned))
    }

    /// Every pair of a few values, in widths equal or not, orders as the integers do.
    @Test func signedBigEndianOrdersAsTheIntegers() {
        let values: [Int64] = [-70_000, -129, -128, -1, 0, 1, 127, 128, 255, 70_000]
        for a in values {
            for b in values {
                for (widthA, widthB) in [(4, 4), (3, 5), (8, 3)] {
                    let lhs = Self.twosComplement(a, width: widthA)
                    let rhs = Self.twosComplement(b, width: widthB)
                    #expect(Self.isLess(lhs, rhs, .signedBigEndian) == (a < b), "\(a) (\(widthA)) < \(b) (\(widthB))")
                }
            }
        }
    }

    @Test func float16OrdersAsHalfFloats() {
        func bytes(_ value: Float16) -> [UInt8] { [UInt8(value.bitPattern & 0xFF), UInt8(value.bitPattern >> 8)] }
        let values: [Float16] = [-.infinity, -2.5, -1, 0, 0.5, 1, 65504, .infinity]
        for a in values {
            for b in values {
                #expect(Self.isLess(bytes(a), bytes(b), .float16) == (a < b), "\(a) < \(b)")
            }
        }
        // A NaN sorts neither before nor after anything, and the two zeros are equal.
        #expect(!Self.isLess(bytes(.nan), bytes(1), .float16) && !Self.isLess(bytes(1), bytes(.nan), .float16))
        #expect(!Self.isLess(bytes(-0.0), bytes(0), .float16) && !Self.isLess(bytes(0), bytes(-0.0), .float16))
    }
}
