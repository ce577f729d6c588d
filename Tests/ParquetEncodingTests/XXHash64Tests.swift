import Testing

@testable import ParquetEncoding

@Suite("xxHash64")
struct XXHash64Tests {
    private func hash(_ text: String) -> UInt64 {
        Array(text.utf8).withUnsafeBytes { XXHash64.hash($0) }
    }

    /// Published xxHash64 values (seed 0), covering the short path (under 32 bytes: 8-byte,
    /// 4-byte and single-byte tails) and the four-lane path.
    @Test func knownVectors() {
        #expect(hash("") == 0xEF46_DB37_51D8_E999)
        #expect(hash("a") == 0xD24E_C4F1_A98C_6E5B)
        #expect(hash("abc") == 0x44BC_2CF5_AD77_0999)
        #expect(hash("xxhash") == 0x32DD_3895_2C4B_C720)
        #expect(hash("Nobody inspects the spammish repetition") == 0xFBCE_A83C_8A37_8BF1)
    }

    @Test func hashesEveryByte() {
        let bytes = (0..<100).map { UInt8($0) }
        let base = bytes.withUnsafeBytes { XXHash64.hash($0) }
        for position in [0, 31, 32, 63, 64, 95, 96, 99] {
            var changed = bytes
            changed[position] ^= 1
            #expect(changed.withUnsafeBytes { XXHash64.hash($0) } != base)
        }
    }
}
