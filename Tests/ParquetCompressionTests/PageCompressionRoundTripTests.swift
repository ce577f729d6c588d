import ParquetCompression
import Testing

/// Every writable codec configuration the tests exercise.
let writableKinds: [CompressionKind] = [
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
    @Test(arguments: writableKinds, TestData.roundTripInputs.keys.sorted())
    func roundTrip(kind: CompressionKind, inputName: String) throws {
        let input = try #require(TestData.roundTripInputs[inputName])
        let compressed = try compress(input, with: PageCompressor(kind))
        let restored = try decompress(compressed, codec: kind.codec, uncompressedSize: input.count)
        #expect(restored == input)
    }

    @Test(arguments: writableKinds.filter { $0 != .uncompressed })
    func compressibleDataShrinks(kind: CompressionKind) throws {
        let input = TestData.compressibleBytes(count: TestData.mebibyte)
        let compressed = try compress(input, with: PageCompressor(kind))
        #expect(compressed.count < input.count / 2)
    }

    @Test func uncompressedIsACopy() throws {
        let input = TestData.randomBytes(count: 1000, seed: 3)
        #expect(try compress(input, with: PageCompressor(.uncompressed)) == input)
    }

    @Test(arguments: writableKinds)
    func appendsAfterExistingBytes(kind: CompressionKind) throws {
        let input = TestData.compressibleBytes(count: 10_000)
        let prefix: [UInt8] = [1, 2, 3]
        var output = prefix
        try input.withUnsafeBytes { try PageCompressor(kind).compress($0, appendingTo: &output) }
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
            let compressed = try compress(Array("abc".utf8), with: PageCompressor(.gzip(level: level)))
            #expect(Array(compressed.prefix(3)) == [0x1F, 0x8B, 0x08], "gzip magic and deflate method, level \(level)")
        }
    }

    @Test func zstdOutputHasZstdMagic() throws {
        let compressed = try compress(Array("abc".utf8), with: PageCompressor(.zstd()))
        #expect(Array(compressed.prefix(4)) == [0x28, 0xB5, 0x2F, 0xFD])
    }

    @Test(arguments: writableKinds)
    func reusedCompressorMatchesFreshOne(kind: CompressionKind) throws {
        let reused = try PageCompressor(kind)
        for round in 0..<50 {
            let input =
                round.isMultiple(of: 2)
                ? TestData.compressibleBytes(count: 1000 + round * 517)
                : TestData.randomBytes(count: round * 97, seed: UInt64(round))
            let fromReused = try compress(input, with: reused)
            let fromFresh = try compress(input, with: PageCompressor(kind))
            #expect(fromReused == fromFresh, "round \(round)")
        }
    }

    @Test func decompressorIsReusableAcrossCodecs() throws {
        let decompressor = PageDecompressor()
        for round in 0..<20 {
            for kind in writableKinds {
                let input = TestData.compressibleBytes(count: 500 + round * 1000)
                let compressed = try compress(input, with: PageCompressor(kind))
                let restored = try decompress(
                    compressed, codec: kind.codec, uncompressedSize: input.count, with: decompressor)
                #expect(restored == input, "\(kind) round \(round)")
            }
        }
    }

    @Test func concatenatedGzipMembersDecodeAsOnePage() throws {
        let first = TestData.compressibleBytes(count: 3000)
        let second = TestData.randomBytes(count: 2000, seed: 11)
        let compressor = try PageCompressor(.gzip())
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
        let restored = try decompress(framed, codec: .lz4Hadoop, uncompressedSize: input.count)
        #expect(restored == input)
    }

    @Test func hadoopLZ4FallsBackToABareBlock() throws {
        let input = TestData.compressibleBytes(count: 50_000)
        let block = try compress(input, with: PageCompressor(.lz4Raw))
        let restored = try decompress(block, codec: .lz4Hadoop, uncompressedSize: input.count)
        #expect(restored == input)
    }

    @Test(arguments: CompressionCodec.allCases)
    func emptyInputWithZeroSizeDecodesToNothing(codec: CompressionCodec) throws {
        #expect(try decompress([], codec: codec, uncompressedSize: 0) == [])
    }

    @Test func codecRawValuesMatchParquetThrift() {
        let expected: [CompressionCodec: Int32] = [
            .uncompressed: 0, .snappy: 1, .gzip: 2, .brotli: 4, .lz4Hadoop: 5, .zstd: 6, .lz4Raw: 7,
        ]
        for codec in CompressionCodec.allCases {
            #expect(codec.rawValue == expected[codec])
        }
        #expect(CompressionKind.gzip().codec == .gzip)
        #expect(CompressionKind.zstd(level: 7).codec == .zstd)
    }

    @Test func defaultLevels() {
        #expect(CompressionKind.gzip() == .gzip(level: 6))
        #expect(CompressionKind.zstd() == .zstd(level: 3))
    }

    @Test func invalidLevelsAreRejected() {
        #expect(throws: CompressionError.self) { try PageCompressor(.gzip(level: 10)) }
        #expect(throws: CompressionError.self) { try PageCompressor(.gzip(level: -1)) }
        #expect(throws: CompressionError.self) { try PageCompressor(.zstd(level: 1000)) }
    }

    private func bigEndianBytes(_ value: UInt32) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
}
