import ParquetCompression
import ParquetFormat
import Testing

/// Brotli is read-only here, so its vector comes from another implementation:
/// `pyarrow.compress(plaintext, codec="brotli")` of `plaintext` below.
@Suite("Brotli decompression")
struct BrotliDecompressionTests {
    static let plaintext: [UInt8] =
        Array(String(repeating: "brotli page body, ", count: 40).utf8) + (0...255).map { UInt8($0) }
    static let compressed: [UInt8] = hexBytes(
        """
        1bcf030064406e42cfdbe026237330d486f8a25c858a0a071e309940c5a200441002060013a09e40808a8191899985958d3d335a23\
        b83c000e4e2e6e1e5e3e7e014121a0b088a898b884a494b48cac9cbc82a292b28aaa9aba86a696b68eae9ebe81a191b189a999b985\
        a595b58dad9dbd83a393b38bab1b080c81c2e008240a8dc1e2f00422894ca1d2e8ee1e9e5ede3ebe7efe018141c121a161e1119151\
        d131b171f1098949c929a969e9199959d939b979f9058545c525a565e5159555d535b575f50d8d4dcd2dad6ded1d9d5ddd3dbd7dfd\
        038343c323a363e3139353d333b373f30b8b4bcb2bab6beb1b9b5bdb3bbb7bfb078747c727a767e7179757d737b777f70f8f4fcf2f\
        af6fef1f9f5fdf3fbf7fff
        """)

    @Test func decodesAVectorFromAnotherImplementation() throws {
        let restored = try decompress(Self.compressed, codec: .brotli, uncompressedSize: Self.plaintext.count)
        #expect(restored == Self.plaintext)
    }

    @Test func wrongDeclaredSizeThrows() {
        for declared in [Self.plaintext.count - 1, Self.plaintext.count + 1] {
            #expect(throws: CompressionError.self, "declared \(declared)") {
                try decompress(Self.compressed, codec: .brotli, uncompressedSize: declared)
            }
        }
    }

    @Test func truncatedStreamThrows() {
        #expect(throws: CompressionError.self) {
            try decompress(
                Array(Self.compressed.prefix(Self.compressed.count / 2)), codec: .brotli,
                uncompressedSize: Self.plaintext.count)
        }
    }

    private static func hexBytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map {
            UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)!
        }
    }
}
