import TestSupport
import Testing

@testable import ParquetEncoding

@Suite("Single-bit hybrid encoder")
struct SingleBitHybridEncoderTests {
    private func encoded(_ levels: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        levels.withUnsafeBufferPointer { SingleBitHybridEncoder.encode($0, into: &output) }
        return output
    }

    @Test func vectors() {
        // 16 ones: one RLE run (count 16 << 1 = 32, value 1).
        #expect(encoded(Array(repeating: 1, count: 16)) == [32, 1])
        // 8 ones: a single uniform group stays bit-packed (1 group: header 3, byte 0xFF).
        #expect(encoded(Array(repeating: 1, count: 8)) == [3, 0xFF])
        // 1,0,1 then padding: one padded group.
        #expect(encoded([1, 0, 1]) == [3, 0b101])
        // 8 mixed, 16 zeros, 3 ones: literal group, RLE run of zeros, padded literal group.
        #expect(
            encoded([1, 1, 0, 1, 1, 1, 1, 1] + Array(repeating: 0, count: 16) + [1, 1, 1])
                == [3, 0b1111_1011, 32, 0, 3, 0b111])
        #expect(encoded([]).isEmpty)
    }

    @Test(arguments: [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000, 20_000])
    func decodesBack(count: Int) throws {
        var generator = SeededGenerator(state: 77 + UInt64(count))
        for nullEvery in [2, 10, 1_000] {
            var levels: [UInt8] = []
            while levels.count < count {
                let run = Int.random(in: 1...40, using: &generator)
                let value: UInt8 = Int.random(in: 0..<nullEvery, using: &generator) == 0 ? 0 : 1
                levels += repeatElement(value, count: min(run, count - levels.count))
            }
            let bytes = encoded(levels)
            let decoded = try hybridDecodedLevels(bytes, bitWidth: 1, count: count)
            #expect(decoded.values == levels)
            #expect(decoded.consumed == bytes.count)
        }
    }
}
