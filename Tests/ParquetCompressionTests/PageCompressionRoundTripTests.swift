import ParquetCompression
import ParquetFormat
import Testing

/// Every writable codec configuration the tests exercise.
let writableSettings: [Setting] = [
    .uncompressed, .snappy, .gzip(), .gzip(level: 1), .gzip(level: 9),
    .zstd(), .zstd(level: 1), .zstd(level: 19), .zstd(level: -5), .lz4Raw,
]

func compress(_ input: [UInt8], with compressor: PageCompressor) throws -> [UInt8] {
    var output: [UInt8] = []
    try input.withUnsafeBytes { try compressor.compress($0, appendingTo: &output) }
    return output
}

func decompress(
    _ input: [UInt8], codec: CompressionCodec, uncompressedSize: Int,
    with decompressor: PageDecompressor = PageDecompressor()
) throws -> [UInt8] {
    var output: [UInt8] = []
    try input.withUnsafeBytes {
        try decompressor.decompress($0, codec: codec, uncompressedSize: uncompressedSize, appendingTo: &output)
    }
    return output
}

@Suite("Page compression round trips")
struct PageCompressionRoundTripTests {
    @Test(arguments: writableSettings, TestData.roundTripInputs.keys.sorted())
    func roundTrip(kind: Setting, inputName: String) throws {
        let input = try #require(TestData.roundTripInputs[inputName])
        let compressed = try compress(input, with: kind.compressor())
        let restored = try decompress(compressed, codec: kind.codec, uncompressedSize: input.count)
        #expect(restored == input)
    }

    @Test(arguments: writableSettings.filter { $0 != .uncompressed })
    func compressibleDataShrinks(kind: Setting) throws {
        let input = TestData.compressibleBytes(count: TestData.mebibyte)
        let compressed = try compress(input, with: kind.compressor())
        #expect(compressed.count < input.count / 2)
    }

    @Test func uncompressedIsACopy() throws {
        let input = TestData.randomBytes(count: 1000, seed: 3)
        #expect(try compress(input, with: PageCompressor(.uncompressed)) == input)
    }

    @Test(arguments: writableSettings)
    func appendsAfterExistingBytes(kind: Setting) throws {
        let input = TestData.compressibleBytes(count: 10_000)
        let prefix: [UInt8] = [1, 2, 3]
        var output = prefix
        try input.withUnsafeBytes { try kind.compressor().compress($0, appendingTo: &output) }
        #expect(Array(output.prefix(3)) == prefix)

        let compressed = Array(output.dropFirst(3))
        var restored: [UInt8] = [9]
        try compressed.withUnsafeBytes {
            try PageDecompressor().decompress(
                $0, codec: kind.codec, uncompressedSize: input.count, appendingTo: &restored)
        }
        #expect(restored == [9] + input)
    }

    @Test func gzipOutputHasGzipMagic() throws {
        for level: Int32 in [1, 6, 9] {
            let compressed = try compress(Array("abc".utf8), with: PageCompressor(.gzip, level: level))
            #expect(Array(compressed.prefix(3)) == [0x1F, 0x8B, 0x08], "gzip magic and deflate method, level \(level)")
        }
    }

    @Test func zstdOutputHasZstdMagic() throws {
        let compressed = try compress(Array("abc".utf8), with: PageCompressor(.zstd, level: 3))
        #expect(Array(compressed.prefix(4)) == [0x28, 0xB5, 0x2F, 0xFD])
    }

    @Test(arguments: writableSettings)
    func reusedCompressorMatchesFreshOne(kind: Setting) throws {
        let reused = try kind.compressor()
        for round in 0..<50 {
            let input =
                round.isMultiple(of: 2)
                ? TestData.compressibleBytes(count: 1000 + round * 517)
                : TestData.randomBytes(count: round * 97, seed: UInt64(round))
            let fromReused = try compress(input, with: reused)
            let fromFresh = try compress(input, with: kind.compressor())
            #expect(fromReused == fromFresh, "round \(round)")
        }
    }

    @Test func decompressorIsReusableAcrossCodecs() throws {
        let decompressor = PageDecompressor()
        for round in 0..<20 {
            for kind in writableSettings {
                let input = TestData.compressibleBytes(count: 500 + round * 1000)
                let compressed = try compress(input, with: kind.compressor())
                let restored = try decompress(
                    compressed, codec: kind.codec, uncompressedSize: input.count, with: decompressor)
                #expect(restored == input, "\(kind) round \(round)")
            }
        }
    }

    @Test func concatenatedGzipMembersDecodeAsOnePage() throws {
        let first = TestData.compressibleBytes(count: 3000)
        let second = TestData.randomBytes(count: 2000, seed: 11)
        let compressor = try PageCompressor(.gzip, level: 6)
        let members = try compress(first, with: compressor) + compress(second, with: compressor)
        let restored = try decompress(members, codec: .gzip, uncompressedSize: first.count + second.count)
        #expect(restored == first + second)
    }

    @Test func hadoopFramedLZ4Decodes() throws {
        let input = TestData.compressibleBytes(count: 300_000)
        let blockCompressor = try PageCompressor(.lz4Raw)
        var framed: [UInt8] = []
        for part in [input[..<100_000], input[100_000...]] {
            let block = try compress(Array(part), with: blockCompressor)
            framed += bigEndianBytes(UInt32(part.count)) + bigEndianBytes(UInt32(block.count)) + block
        }
        let restored = try decompress(framed, codec: .lz4, uncompressedSize: input.count)
        #expect(restored == input)
    }

    @Test func hadoopLZ4FallsBackToABareBlock() throws {
        let input = TestData.compressibleBytes(count: 50_000)
        let block = try compress(input, with: PageCompressor(.lz4Raw))
        let restored = try decompress(block, codec: .lz4, uncompressedSize: input.count)
        #expect(restored == input)
    }

    @Test(arguments: PageDecompressor.decompressibleCodecs)
    func emptyInputWithZeroSizeDecodesToNothing(codec: CompressionCodec) throws {
        #expect(try decompress([], codec: codec, uncompressedSize: 0) == [])
    }

    @Test func invalidLevelsAreRejected() {
        #expect(throws: CompressionError.self) { try PageCompressor(.gzip, level: 10) }
        #expect(throws: CompressionError.self) { try PageCompressor(.gzip, level: -1) }
        #expect(throws: CompressionError.self) { try PageCompressor(.zstd, level: 1000) }
        // gzip and zstd need a level; the other codecs take none.
        #expect(throws: CompressionError.self) { try PageCompressor(.gzip) }
        #expect(throws: CompressionError.self) { try PageCompressor(.zstd) }
        #expect(throws: CompressionError.self) { try PageCompressor(.snappy, level: 1) }
    }

    /// Codecs that are only read (or not at all) cannot be chosen for writing.
    @Test(arguments: [CompressionCodec.brotli, .lz4, .lzo, CompressionCodec(rawValue: 99)])
    func unwritableCodecsAreRejected(codec: CompressionCodec) {
        #expect(throws: CompressionError.self) { try PageCompressor(codec) }
    }

    @Test(arguments: [CompressionCodec.lzo, CompressionCodec(rawValue: 99)])
    func undecompressibleCodecsThrow(codec: CompressionCodec) {
        #expect(!PageDecompressor.decompressibleCodecs.contains(codec))
        #expect(throws: CompressionError.self) { try decompress([1, 2, 3], codec: codec, uncompressedSize: 3) }
    }

    private func bigEndianBytes(_ value: UInt32) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
}
