import TestSupport
import Testing

@testable import ParquetEncoding

@Suite("RLE/bit-packing hybrid round trips")
struct RLEHybridRoundTripTests {
    static let lengths = [0, 1, 7, 8, 9, 15, 16, 17, 1000, 20_000]

    private func mask(_ bitWidth: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(bitWidth)) - 1)
    }

    private func expectRoundTrip(_ values: [UInt32], bitWidth: Int, _ comment: Comment? = nil) throws {
        let encoded = hybridEncoded(values, bitWidth: bitWidth)
        let decoded = try hybridDecoded(encoded, bitWidth: bitWidth, count: values.count)
        #expect(decoded.values == values, comment)
        #expect(decoded.consumed == encoded.count, comment)
    }

    @Test(arguments: 0...32)
    func randomValuesAtEveryWidth(bitWidth: Int) throws {
        var generator = SeededGenerator(state: 1000 + UInt64(bitWidth))
        for count in Self.lengths {
            let values = (0..<count).map { _ in UInt32.random(in: .min ... .max, using: &generator) & mask(bitWidth) }
            try expectRoundTrip(values, bitWidth: bitWidth, "count \(count)")
        }
    }

    @Test(arguments: 0...32)
    func randomRunsAtEveryWidth(bitWidth: Int) throws {
        var generator = SeededGenerator(state: 2000 + UInt64(bitWidth))
        for count in Self.lengths {
            var values: [UInt32] = []
            while values.count < count {
                let value = UInt32.random(in: .min ... .max, using: &generator) & mask(bitWidth)
                let runLength = Int.random(in: 1...30, using: &generator)
                values += repeatElement(value, count: min(runLength, count - values.count))
            }
            try expectRoundTrip(values, bitWidth: bitWidth, "count \(count)")
        }
    }

    @Test(arguments: 0...8)
    func byteValuesAtEveryWidth(bitWidth: Int) throws {
        var generator = SeededGenerator(state: 3000 + UInt64(bitWidth))
        let mask = UInt8(truncatingIfNeeded: (1 << bitWidth) - 1)
        for count in Self.lengths {
            let values = (0..<count).map { index in
                // Half random, half long runs, like definition levels of a sparse column.
                index % 200 < 100 ? UInt8.random(in: 0...255, using: &generator) & mask : mask
            }
            let encoded = hybridEncoded(values, bitWidth: bitWidth)
            let decoded = try hybridDecodedLevels(encoded, bitWidth: bitWidth, count: values.count)
            #expect(decoded.values == values, "count \(count)")
            #expect(decoded.consumed == encoded.count)
            // The same values as UInt32 must encode to the same bytes.
            #expect(hybridEncoded(values.map(UInt32.init), bitWidth: bitWidth) == encoded)
        }
    }

    @Test func allEqualInputIsTiny() throws {
        for bitWidth in [1, 3, 8, 20, 32] {
            let value = mask(bitWidth)
            let values = [UInt32](repeating: value, count: 20_000)
            let encoded = hybridEncoded(values, bitWidth: bitWidth)
            #expect(encoded.count == 3 + (bitWidth + 7) / 8)
            try expectRoundTrip(values, bitWidth: bitWidth)
        }
    }

    @Test(arguments: [1, 2, 7, 8, 9, 16, 100])
    func alternatingRuns(runLength: Int) throws {
        let values = (0..<10_000).map { UInt32(($0 / runLength) % 2) }
        try expectRoundTrip(values, bitWidth: 1, "run length \(runLength)")
        try expectRoundTrip(values.map { $0 * 1000 }, bitWidth: 10, "run length \(runLength)")
        if runLength >= 16 {
            // Long runs are RLE: at most 4 bytes per run instead of 10 bits per value.
            #expect(hybridEncoded(values.map { $0 * 1000 }, bitWidth: 10).count <= 4 * (10_000 / runLength + 1))
        }
    }

    @Test func dictionaryIndicesRoundTripAfterTheWidthByte() throws {
        var generator = SeededGenerator(state: 77)
        for dictionarySize in [1, 2, 3, 100, 1 << 16, 100_000] {
            let indices = (0..<5000).map { _ in UInt32.random(in: 0..<UInt32(dictionarySize), using: &generator) }
            var encoded: [UInt8] = []
            indices.withUnsafeBufferPointer {
                DictionaryIndices.encode($0, dictionarySize: dictionarySize, into: &encoded)
            }
            #expect(Int(encoded[0]) == BitPacking.bitWidth(forMaximumValue: UInt64(dictionarySize - 1)))
            var decoded: [UInt32] = [99]
            try encoded.withUnsafeBufferPointer { (bytes) throws(DecodingFailure) in
                try DictionaryIndices.decode(
                    UnsafeRawBufferPointer(bytes), count: indices.count, dictionarySize: dictionarySize, into: &decoded)
            }
            #expect(decoded == indices, "dictionary size \(dictionarySize)")
        }
    }
}
