import Foundation
import Testing

@testable import ParquetEncoding

@Suite("Split-block Bloom filter")
struct SplitBlockBloomFilterTests {
    private func hash(_ value: Int64) -> UInt64 { withUnsafeBytes(of: value.littleEndian) { XXHash64.hash($0) } }

    @Test func sizingFollowsTheSpecFormula() {
        // 1% needs about 9.6 bits per value: 1000 values take 1200 bytes, rounded up to 2 KiB.
        #expect(SplitBlockBloomFilter.byteCount(distinctCount: 1_000, falsePositiveProbability: 0.01) == 2_048)
        // 0.5% at about 11.5 bits per value: 1 million values need ~1.44 MB, so 2 MiB.
        #expect(SplitBlockBloomFilter.byteCount(distinctCount: 1_000_000, falsePositiveProbability: 0.005) == 2 << 20)
        #expect(SplitBlockBloomFilter.byteCount(distinctCount: 1, falsePositiveProbability: 0.5) == 32)
        #expect(SplitBlockBloomFilter.byteCount(distinctCount: 1 << 40, falsePositiveProbability: 0.01) == 128 << 20)
        let bitsPerValue = -8 / log(1 - pow(0.01, 1.0 / 8))
        #expect(abs(bitsPerValue - 9.68) < 0.01)
    }

    @Test func insertedValuesAreFoundAndOthersMostlyNot() {
        var filter = SplitBlockBloomFilter(distinctCount: 10_000, falsePositiveProbability: 0.01)
        for value in Int64(0)..<10_000 { filter.insert(hash: hash(value * 7)) }
        for value in Int64(0)..<10_000 { #expect(filter.mightContain(hash: hash(value * 7))) }
        var falsePositives = 0
        for value in Int64(0)..<20_000 where filter.mightContain(hash: hash(value * 7 + 3)) { falsePositives += 1 }
        #expect(falsePositives < 200)  // at most 1% of 20 000
        filter.reset()
        #expect(!filter.mightContain(hash: hash(0)))
    }

    /// One insert sets exactly one bit in each of the eight words of one block, the
    /// block chosen by the hash's upper 32 bits and the bits by its lower 32 bits and the salts.
    @Test func insertSetsOneBitPerWordOfTheChosenBlock() {
        var filter = SplitBlockBloomFilter(byteCount: 128)  // four blocks
        let hash: UInt64 = 0xC000_0000_0000_0001  // block (0xC0000000 * 4) >> 32 = 3; key 1
        filter.insert(hash: hash)
        let salts: [UInt32] = [
            0x47B6_137B, 0x4497_4D91, 0x8824_AD5B, 0xA2B7_289D, 0x7054_95C7, 0x2DF1_424B, 0x9EFC_4947, 0x5C6B_FB31,
        ]
        #expect(Array(filter.words[0..<24]) == Array(repeating: 0, count: 24))
        #expect(Array(filter.words[24..<32]) == salts.map { 1 << ($0 >> 27) })
    }
}
