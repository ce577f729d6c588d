import TestSupport
import Testing

@testable import ParquetEncoding

@Suite("ULEB128 varints and zigzag")
struct VarintTests {
    static let vectors: [(UInt64, [UInt8])] = [
        (0, [0x00]),
        (1, [0x01]),
        (127, [0x7F]),
        (128, [0x80, 0x01]),
        (300, [0xAC, 0x02]),
        (16_383, [0xFF, 0x7F]),
        (16_384, [0x80, 0x80, 0x01]),
        (UInt64(UInt32.max), [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]),
        (.max, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
    ]

    private func read(_ bytes: [UInt8]) throws(DecodingFailure) -> (value: UInt64, consumed: Int) {
        var offset = 0
        let value = try bytes.withUnsafeBufferPointer { (buffer) throws(DecodingFailure) in
            try ULEB128.read(UnsafeRawBufferPointer(buffer), at: &offset)
        }
        return (value, offset)
    }

    @Test(arguments: vectors)
    func appendsAndReadsTheVector(value: UInt64, bytes: [UInt8]) throws {
        var output: [UInt8] = [0xEE]
        ULEB128.append(value, to: &output)
        #expect(output == [0xEE] + bytes)
        let decoded = try read(bytes + [0x05])
        #expect(decoded.value == value)
        #expect(decoded.consumed == bytes.count)
    }

    @Test func writeMatchesAppendForEveryLength() {
        var values: [UInt32] = [0, .max]
        for shift in stride(from: 7, through: 28, by: 7) {
            values += [UInt32(1) << UInt32(shift) - 1, UInt32(1) << UInt32(shift)]
        }
        for value in values {
            var appended: [UInt8] = []
            ULEB128.append(UInt64(value), to: &appended)
            var written = [UInt8](repeating: 0, count: ULEB128.maximumUInt32ByteCount)
            let count = written.withUnsafeMutableBufferPointer { ULEB128.write(value, to: $0.baseAddress!) }
            #expect(Array(written[..<count]) == appended, "\(value)")
        }
    }

    @Test func roundTripsAroundEverySevenBitBoundary() throws {
        for shift in stride(from: 7, through: 63, by: 7) {
            for value in [UInt64(1) << UInt64(shift) - 1, UInt64(1) << UInt64(shift), UInt64(1) << UInt64(shift) + 1] {
                var bytes: [UInt8] = []
                ULEB128.append(value, to: &bytes)
                #expect(bytes.count == (UInt64.bitWidth - value.leadingZeroBitCount + 6) / 7)
                #expect(try read(bytes) == (value, bytes.count))
            }
        }
    }

    @Test func truncatedAndOverlongVarintsThrow() {
        #expect(throws: DecodingFailure.self) { try read([]) }
        #expect(throws: DecodingFailure.self) { try read([0x80, 0x80]) }
        // The tenth byte may only hold bit 63.
        #expect(throws: DecodingFailure.self) { try read(Array(repeating: 0xFF, count: 9) + [0x02]) }
        // Eleven bytes, even with value bits of zero.
        #expect(throws: DecodingFailure.self) { try read(Array(repeating: 0x80, count: 10) + [0x00]) }
    }

    @Test func failuresPointAtTheStartOfTheVarint() {
        var offset = 2
        do {
            _ = try [UInt8]([0x01, 0x02, 0x80, 0x80]).withUnsafeBufferPointer { (buffer) throws(DecodingFailure) in
                try ULEB128.read(UnsafeRawBufferPointer(buffer), at: &offset)
            }
            Issue.record("a truncated varint was read")
        } catch {
            #expect(error.offset == 2)
        }
    }

    @Test func zigzagInterleavesSigns() {
        let pairs: [(Int64, UInt64)] = [
            (0, 0), (-1, 1), (1, 2), (-2, 3), (2, 4), (.max, .max - 1), (.min, .max),
            (Int64(Int32.max), UInt64(UInt32.max) - 1), (Int64(Int32.min), UInt64(UInt32.max)),
        ]
        for (signed, unsigned) in pairs {
            #expect(ZigZag.encode(signed) == unsigned, "\(signed)")
            #expect(ZigZag.decode(unsigned) == signed, "\(unsigned)")
        }
    }

    @Test func zigzagOfAnInt32MatchesThe32BitMapping() {
        var generator = SeededGenerator(state: 32)
        let values =
            [Int32.min, .max, 0, -1, 1] + (0..<1_000).map { _ in Int32.random(in: .min ... .max, using: &generator) }
        for value in values {
            let thirtyTwoBit = UInt32(bitPattern: (value << 1) ^ (value >> 31))
            #expect(ZigZag.encode(Int64(value)) == UInt64(thirtyTwoBit))
        }
    }
}
