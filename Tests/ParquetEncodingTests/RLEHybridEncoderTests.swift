import Testing

@testable import ParquetEncoding

@Suite("RLE/bit-packing hybrid encoder: exact bytes")
struct RLEHybridEncoderTests {
    /// The spec's 0...7 at width 3 as one bit-packed run: header (1 << 1 | 1), 3 bytes.
    @Test func specExampleIsOneBitPackedGroup() {
        #expect(hybridEncoded([0, 1, 2, 3, 4, 5, 6, 7] as [UInt32], bitWidth: 3) == [0x03, 0x88, 0xC6, 0xFA])
        #expect(hybridEncoded([0, 1, 2, 3, 4, 5, 6, 7] as [UInt8], bitWidth: 3) == [0x03, 0x88, 0xC6, 0xFA])
    }

    @Test func repeatedRunIsHeaderAndOneValueByte() {
        // 100 << 1 = 200 = ULEB 0xC8 0x01.
        #expect(hybridEncoded([UInt8](repeating: 1, count: 100), bitWidth: 1) == [0xC8, 0x01, 0x01])
        // Exactly 8 repeats is already a run: 8 << 1 = 0x10.
        #expect(hybridEncoded([UInt32](repeating: 5, count: 8), bitWidth: 3) == [0x10, 0x05])
    }

    @Test func twentyThousandOnesCostFourBytes() {
        // 20_000 << 1 = 40_000 = ULEB 0xC0 0xB8 0x02.
        #expect(hybridEncoded([UInt8](repeating: 1, count: 20_000), bitWidth: 1) == [0xC0, 0xB8, 0x02, 0x01])
    }

    @Test func repeatedValueUsesRoundedUpBytesLittleEndian() {
        #expect(hybridEncoded([UInt32](repeating: 0x1234, count: 8), bitWidth: 13) == [0x10, 0x34, 0x12])
        #expect(hybridEncoded([UInt32](repeating: 0x1_2345, count: 8), bitWidth: 17) == [0x10, 0x45, 0x23, 0x01])
        #expect(
            hybridEncoded([UInt32](repeating: 0xDEAD_BEEF, count: 8), bitWidth: 32) == [0x10, 0xEF, 0xBE, 0xAD, 0xDE])
    }

    @Test func widthZeroRunsHaveNoValueBytes() {
        #expect(hybridEncoded([UInt32](repeating: 0, count: 10), bitWidth: 0) == [0x14])
        // Fewer than 8 values: one padded bit-packed group of zero bytes.
        #expect(hybridEncoded([UInt32](repeating: 0, count: 5), bitWidth: 0) == [0x03])
    }

    @Test func literalsBorrowFromTheFollowingRunToFillTheirGroup() {
        // 1, 2, 3 then twenty 5s: the group is 1, 2, 3, 5, 5, 5, 5, 5 (bytes D1 DA B6 by hand),
        // then an RLE run of the remaining fifteen 5s (15 << 1 = 0x1E).
        let values: [UInt32] = [1, 2, 3] + [UInt32](repeating: 5, count: 20)
        #expect(hybridEncoded(values, bitWidth: 3) == [0x03, 0xD1, 0xDA, 0xB6, 0x1E, 0x05])
    }

    @Test func runTooShortAfterBorrowingStaysLiteral() {
        // Ten 5s minus five borrowed leaves five: everything is bit-packed, last group padded.
        let values: [UInt32] = [1, 2, 3] + [UInt32](repeating: 5, count: 10)
        let encoded = hybridEncoded(values, bitWidth: 3)
        #expect(encoded.count == 1 + 2 * 3)
        #expect(encoded[0] == 0x05)  // 2 groups: 2 << 1 | 1
        #expect(Array(encoded[1...3]) == [0xD1, 0xDA, 0xB6])
        // Second group: the other five 5s and three zeros of padding. Each 5 (101) sets bits
        // 3i and 3i + 2: bits 0, 2, 3, 5, 6 -> 0x6D; bits 8, 9, 11, 12, 14 -> 0x5B; then 0.
        #expect(Array(encoded[4...6]) == [0x6D, 0x5B, 0x00])
    }

    @Test func trailingLiteralsArePaddedWithZeros() {
        // Eight 7s as RLE, then 1, 2 padded to a group: 1 at bit 0, 2 at bit 4 -> 0x11.
        let values: [UInt32] = [UInt32](repeating: 7, count: 8) + [1, 2]
        #expect(hybridEncoded(values, bitWidth: 3) == [0x10, 0x07, 0x03, 0x11, 0x00, 0x00])
    }

    @Test func longLiteralStretchHasOneHeader() {
        // 1000 values 0, 1, 0, 1, ...: 125 groups in one run, header 125 << 1 | 1 = 251 = 0xFB 0x01.
        let values = (0..<1000).map { UInt8($0 % 2) }
        let encoded = hybridEncoded(values, bitWidth: 1)
        #expect(encoded.count == 2 + 125)
        #expect(Array(encoded.prefix(2)) == [0xFB, 0x01])
        #expect(encoded.dropFirst(2).allSatisfy { $0 == 0xAA })
    }

    @Test func emptyInputWritesNothing() {
        #expect(hybridEncoded([UInt32](), bitWidth: 5) == [])
    }

    @Test func appendsAfterExistingBytes() {
        var output: [UInt8] = [0xAB]
        [UInt32](repeating: 3, count: 8).withUnsafeBufferPointer {
            RLEHybridEncoder.encode($0, bitWidth: 2, into: &output)
        }
        #expect(output == [0xAB, 0x10, 0x03])
    }

    @Test func dictionaryIndicesStartWithTheirBitWidth() {
        func encoded(_ indices: [UInt32], dictionarySize: Int) -> [UInt8] {
            var output: [UInt8] = []
            indices.withUnsafeBufferPointer {
                DictionaryIndices.encode($0, dictionarySize: dictionarySize, into: &output)
            }
            return output
        }
        #expect(encoded([UInt32](repeating: 0, count: 100), dictionarySize: 1) == [0x00, 0xC8, 0x01])
        #expect(encoded([0, 0, 0], dictionarySize: 1) == [0x00, 0x03])
        #expect(encoded([0, 1, 2, 3, 4, 5, 6, 7], dictionarySize: 8) == [0x03, 0x03, 0x88, 0xC6, 0xFA])
        #expect(encoded([0, 1, 2, 3, 4, 5, 6, 7], dictionarySize: 9)[0] == 4)
        #expect(encoded([1], dictionarySize: 2)[0] == 1)
        #expect(encoded([255], dictionarySize: 256)[0] == 8)
        #expect(encoded([256], dictionarySize: 257)[0] == 9)
    }
}
