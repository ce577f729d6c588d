import Testing

@testable import Parquet

@Suite("RLE/bit-packing hybrid decoder")
struct RLEHybridDecoderTests {
    private func decodingError(
        _ bytes: [UInt8], bitWidth: Int, count: Int
    ) -> RLEHybridDecodingError? {
        do {
            _ = try hybridDecoded(bytes, bitWidth: bitWidth, count: count)
            return nil
        } catch let error as RLEHybridDecodingError {
            return error
        } catch {
            return nil
        }
    }

    @Test func decodesTheSpecExample() throws {
        let decoded = try hybridDecoded([0x03, 0x88, 0xC6, 0xFA], bitWidth: 3, count: 8)
        #expect(decoded.values == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(decoded.consumed == 4)
    }

    @Test func stopsAfterTheRequestedCount() throws {
        // A run of 100 sevens followed by bytes that are not hybrid data at all.
        let decoded = try hybridDecoded([0xC8, 0x01, 0x07, 0xFF, 0xFF], bitWidth: 3, count: 10)
        #expect(decoded.values == [UInt32](repeating: 7, count: 10))
        #expect(decoded.consumed == 3)
    }

    @Test func appendsToExistingValues() throws {
        var values: [UInt8] = [9]
        _ = try [UInt8]([0x10, 0x01]).withUnsafeBytes {
            try RLEHybridDecoder.decode($0, bitWidth: 1, count: 8, into: &values)
        }
        #expect(values == [9] + [UInt8](repeating: 1, count: 8))
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
                decodingError(Array(encoded.prefix(keptCount)), bitWidth: 9, count: values.count) != nil,
                "kept \(keptCount) of \(encoded.count) bytes")
        }
    }

    @Test func specificErrors() {
        #expect(decodingError([0x80], bitWidth: 1, count: 1) == .malformedRunHeader(offset: 0))
        #expect(
            decodingError([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], bitWidth: 1, count: 1) == .malformedRunHeader(offset: 0)
        )
        #expect(decodingError([0x00], bitWidth: 1, count: 1) == .emptyRun(offset: 0))
        #expect(decodingError([0x01], bitWidth: 1, count: 1) == .emptyRun(offset: 0))
        #expect(decodingError([0x10], bitWidth: 3, count: 8) == .truncatedRepeatedValue(offset: 0))
        #expect(
            decodingError([0x10, 0x08], bitWidth: 3, count: 8)
                == .repeatedValueTooWide(offset: 0, value: 8, bitWidth: 3))
        #expect(
            decodingError([0x03, 0x88], bitWidth: 3, count: 8)
                == .truncatedBitPackedRun(offset: 0, neededBytes: 3, availableBytes: 1))
        #expect(decodingError([0x10, 0x01, 0x80], bitWidth: 1, count: 9) == .malformedRunHeader(offset: 2))
        #expect(decodingError([], bitWidth: 33, count: 1) == .invalidBitWidth(33))
    }

    @Test func bitWidthMustFitTheValueType() throws {
        var values: [UInt8] = []
        #expect(throws: RLEHybridDecodingError.invalidBitWidth(9)) {
            try [UInt8]([0x10, 0x01, 0x00]).withUnsafeBytes {
                try RLEHybridDecoder.decode($0, bitWidth: 9, count: 8, into: &values)
            }
        }
        #expect(values.isEmpty)
    }

    @Test func failedDecodeLeavesOutputUnchanged() {
        var values: [UInt32] = [1, 2]
        #expect(throws: RLEHybridDecodingError.self) {
            try [UInt8]([0x10, 0x01, 0x03]).withUnsafeBytes {
                try RLEHybridDecoder.decode($0, bitWidth: 1, count: 16, into: &values)
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

    @Test func errorsDescribeThemselves() {
        let description = RLEHybridDecodingError.truncatedBitPackedRun(offset: 4, neededBytes: 3, availableBytes: 1)
            .description
        #expect(description.contains("byte 4"))
        #expect(description.contains("needs 3 bytes"))
    }
}
