import TestSupport
import Testing

@testable import ParquetEncoding

@Suite("RLE/bit-packing hybrid decoder")
struct RLEHybridDecoderTests {
    /// The failure decoding `count` values throws, or nil when it succeeds.
    private func decodingFailure(_ bytes: [UInt8], bitWidth: Int, count: Int) -> DecodingFailure? {
        do {
            _ = try hybridDecoded(bytes, bitWidth: bitWidth, count: count)
            return nil
        } catch {
            return error
        }
    }

    @Test func decodesTheSpecExample() throws {
        let decoded = try hybridDecoded([0x03, 0x88, 0xC6, 0xFA], bitWidth: 3, count: 8)
        #expect(decoded.values == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(decoded.consumed == 4)
    }

    @Test func mixesRunsAndBitPackedGroups() throws {
        // An RLE run of 5 × 3, then one bit-packed group of 0...7.
        let decoded = try hybridDecodedLevels([0x0A, 0x03, 0x03, 0x88, 0xC6, 0xFA], bitWidth: 3, count: 13)
        #expect(decoded.values == [3, 3, 3, 3, 3, 0, 1, 2, 3, 4, 5, 6, 7])
        #expect(decoded.consumed == 6)
    }

    @Test func stopsAfterTheRequestedCount() throws {
        // A run of 100 sevens followed by bytes that are not hybrid data at all.
        let decoded = try hybridDecoded([0xC8, 0x01, 0x07, 0xFF, 0xFF], bitWidth: 3, count: 10)
        #expect(decoded.values == [UInt32](repeating: 7, count: 10))
        #expect(decoded.consumed == 3)
    }

    @Test func everyTruncationIsRejected() {
        // Ends in a full bit-packed group and an RLE run, so every byte is required.
        var generator = SeededGenerator(state: 9)
        let values =
            (0..<64).map { _ in UInt32.random(in: 0..<512, using: &generator) }
            + [UInt32](repeating: 300, count: 40)
        let encoded = hybridEncoded(values, bitWidth: 9)
        for keptCount in 0..<encoded.count {
            #expect(
                decodingFailure(Array(encoded.prefix(keptCount)), bitWidth: 9, count: values.count) != nil,
                "kept \(keptCount) of \(encoded.count) bytes")
        }
    }

    @Test func specificFailures() {
        func failure(_ bytes: [UInt8], bitWidth: Int, count: Int) -> (offset: Int, message: String)? {
            decodingFailure(bytes, bitWidth: bitWidth, count: count).map { ($0.offset, $0.message) }
        }
        #expect(failure([0x80], bitWidth: 1, count: 1)! == (0, "input ends inside a varint"))
        // A header above 2^32 is a valid varint but no valid run.
        #expect(failure([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], bitWidth: 1, count: 1)!.offset == 0)
        #expect(failure([0x00], bitWidth: 1, count: 1)! == (0, "empty RLE run"))
        #expect(failure([0x01], bitWidth: 1, count: 1)! == (0, "empty bit-packed run"))
        #expect(failure([0x10], bitWidth: 3, count: 8)! == (0, "input ends inside an RLE run's value"))
        #expect(failure([0x10, 0x08], bitWidth: 3, count: 8)! == (0, "RLE value 8 is wider than 3 bits"))
        #expect(failure([0x03, 0x88], bitWidth: 3, count: 8)! == (0, "bit-packed run needs 3 bytes but only 1 remain"))
        #expect(failure([0x10, 0x01, 0x80], bitWidth: 1, count: 9)! == (2, "input ends inside a varint"))
        #expect(failure([], bitWidth: 33, count: 1)! == (0, "bit width 33 is outside 0...32"))
    }

    @Test func failedDecodeAppendsNothing() {
        var values: [UInt32] = [1, 2]
        #expect(throws: DecodingFailure.self) {
            try [UInt8]([0x10, 0x01, 0x03]).withUnsafeBufferPointer { (bytes) throws(DecodingFailure) in
                var decoder = try RLEHybridDecoder(UnsafeRawBufferPointer(bytes), bitWidth: 1)
                try values.appendUninitialized(count: 16) { (target) throws(DecodingFailure) in
                    try decoder.decode(count: 16, into: target)
                }
            }
        }
        #expect(values == [1, 2])
    }

    @Test func missingPaddingOfTheLastGroupIsTolerated() throws {
        // Three 1-bit values need one byte of the group's one byte; 9-bit values 1, 2 need
        // 18 bits (3 bytes) of the group's 9 bytes.
        #expect(try hybridDecoded([0x03, 0x05], bitWidth: 1, count: 3).values == [1, 0, 1])
        let decoded = try hybridDecoded([0x03, 0x01, 0x04, 0x00], bitWidth: 9, count: 2)
        #expect(decoded.values == [1, 2])
        #expect(decoded.consumed == 4)
    }
}
