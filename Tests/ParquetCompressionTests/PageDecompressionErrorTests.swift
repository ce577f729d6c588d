import ParquetCompression
import ParquetFormat
import TestSupport
import Testing

@Suite("Page decompression rejects bad input")
struct PageDecompressionErrorTests {
    static let compressedKinds: [Setting] = [.snappy, .gzip(), .zstd(), .lz4Raw]

    @Test(arguments: writableSettings)
    func wrongDeclaredSizeThrows(kind: Setting) throws {
        let input = TestData.compressibleBytes(count: 10_000)
        let compressed = try compress(input, with: kind.compressor())
        for declared in [input.count - 1, input.count + 1, 0, input.count * 2] {
            #expect(throws: CompressionError.self, "declared \(declared)") {
                try decompress(compressed, codec: kind.codec, uncompressedSize: declared)
            }
        }
    }

    @Test(arguments: compressedKinds)
    func truncatedInputThrows(kind: Setting) throws {
        let input = TestData.compressibleBytes(count: 10_000)
        let compressed = try compress(input, with: kind.compressor())
        for keptCount in [0, 1, compressed.count / 2, compressed.count - 1] {
            #expect(throws: CompressionError.self, "kept \(keptCount) bytes") {
                try decompress(Array(compressed.prefix(keptCount)), codec: kind.codec, uncompressedSize: input.count)
            }
        }
    }

    @Test(arguments: PageDecompressor.decompressibleCodecs.filter { $0 != .uncompressed })
    func garbageThrows(codec: CompressionCodec) {
        let garbage = TestData.randomBytes(count: 4096, seed: 99)
        #expect(throws: CompressionError.self) {
            try decompress(garbage, codec: codec, uncompressedSize: 4096)
        }
    }

    /// Flipping bytes must never crash or overrun: either an error, or exactly the declared
    /// number of bytes (some codecs carry no checksum, so a flip may decode to other data).
    @Test(arguments: compressedKinds)
    func corruptedInputNeverYieldsAWrongSize(kind: Setting) throws {
        let input = TestData.compressibleBytes(count: 20_000)
        let compressed = try compress(input, with: kind.compressor())
        let decompressor = PageDecompressor()
        var generator = SeededGenerator(state: 5)
        var failures = 0
        for _ in 0..<300 {
            var corrupted = compressed
            for _ in 0..<3 {
                let position = Int.random(in: 0..<corrupted.count, using: &generator)
                corrupted[position] ^= UInt8.random(in: 1...255, using: &generator)
            }
            do {
                let restored = try decompress(
                    corrupted, codec: kind.codec, uncompressedSize: input.count, with: decompressor)
                #expect(restored.count == input.count)
            } catch {
                failures += 1
            }
        }
        #expect(failures > 0, "some corruptions must be detected")
    }

    @Test func declaredSizeAboveTheLimitThrows() throws {
        let input = TestData.compressibleBytes(count: 200)
        let compressed = try compress(input, with: PageCompressor(.zstd, level: 3))
        let decompressor = PageDecompressor(maximumUncompressedSize: 100)
        #expect(throws: CompressionError.self) {
            try decompress(compressed, codec: .zstd, uncompressedSize: input.count, with: decompressor)
        }
        #expect(throws: CompressionError.self) {
            try decompress(compressed, codec: .zstd, uncompressedSize: -1)
        }
    }

    @Test func failedDecompressionLeavesOutputUnchanged() throws {
        var output: [UInt8] = [1, 2, 3]
        let garbage = TestData.randomBytes(count: 100, seed: 1)
        #expect(throws: CompressionError.self) {
            try garbage.withUnsafeBytes {
                try PageDecompressor().decompress($0, codec: .zstd, uncompressedSize: 100, appendingTo: &output)
            }
        }
        #expect(output == [1, 2, 3])
    }

    @Test func errorNamesTheCodec() {
        let garbage = TestData.randomBytes(count: 100, seed: 1)
        do {
            _ = try decompress(garbage, codec: .zstd, uncompressedSize: 100)
            Issue.record("garbage decoded")
        } catch let error as CompressionError {
            #expect(error.codec == .zstd)
            #expect(error.operation == .decompression)
            #expect(error.description.hasPrefix("ZSTD decompression failed: "))
        } catch {
            Issue.record("unexpected error type \(error)")
        }
    }
}
