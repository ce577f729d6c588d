import ParquetFormat
import TestSupport
import Testing

@testable import ParquetCompression

/// `PageCompressor.contextByteCount`, which the writer's memory plan counts for each
/// encoding thread, against what a ZSTD context really takes.
@Suite struct CompressorContextSizeTests {
    @Test(arguments: [Int32(-5), 1, 3, 9, 19])
    func aZSTDContextStaysWithinTheCountForItsLargestInput(level: Int32) throws {
        var generator = SeededGenerator(state: UInt64(bitPattern: Int64(level)))
        let compressor = try PageCompressor(.zstd, level: level)
        var largest = 0
        for size in [3_000, 13_000, 40_000, 200_000, 1 << 20] {
            let input = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var output: [UInt8] = []
            try input.withUnsafeBytes { try compressor.compress($0, appendingTo: &output) }
            largest = max(largest, size)
            let taken = try #require(compressor.zstdContextByteCount)
            let counted = PageCompressor.contextByteCount(.zstd, level: level, largestInput: largest)
            #expect(taken <= counted, "level \(level), largest input \(largest)")
            // The count follows the input rather than assuming the largest: a small page's
            // context is a fraction of a MiB-sized one's.
            #expect(counted < 2 * taken + (64 << 10), "level \(level), largest input \(largest)")
        }
        // A smaller input later keeps the tables the largest one needed.
        var output: [UInt8] = []
        try [UInt8](repeating: 7, count: 1_000).withUnsafeBytes { try compressor.compress($0, appendingTo: &output) }
        #expect(
            try #require(compressor.zstdContextByteCount)
                <= PageCompressor.contextByteCount(.zstd, level: level, largestInput: largest))
    }

    @Test func theCountGrowsWithTheInputUpToTheLevelsMaximum() {
        let small = PageCompressor.contextByteCount(.zstd, level: 3, largestInput: 16 << 10)
        let page = PageCompressor.contextByteCount(.zstd, level: 3, largestInput: 1 << 20)
        #expect(small < 512 << 10 && small < page)
        #expect(page == PageCompressor.contextByteCount(.zstd, level: 3, largestInput: 64 << 20))
        // High levels search tables far larger than the low ones on MiB-sized pages.
        #expect(PageCompressor.contextByteCount(.zstd, level: 19, largestInput: 1 << 20) > 8 * page)
        #expect(PageCompressor.contextByteCount(.snappy, level: nil, largestInput: 1 << 20) == 64 << 10)
        #expect(PageCompressor.contextByteCount(.uncompressed, level: nil, largestInput: 1 << 20) == 0)
    }
}
