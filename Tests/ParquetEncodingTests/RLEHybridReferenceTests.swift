import TestSupport
import Testing

@testable import ParquetEncoding

/// Cross-checks the optimised encoder byte for byte against a deliberately naive encoder that
/// follows Encodings.md and the same run policy: maximal runs of 8 or more equal values are
/// RLE, after lending the preceding literals enough values to fill their last group.
@Suite("RLE/bit-packing hybrid encoder against a naive reference")
struct RLEHybridReferenceTests {
    private func referenceEncoding(_ values: [UInt32], bitWidth: Int) -> [UInt8] {
        var output: [UInt8] = []
        func appendVarint(_ value: Int) {
            var remaining = value
            while remaining >= 0x80 {
                output.append(UInt8(remaining & 0x7F) | 0x80)
                remaining >>= 7
            }
            output.append(UInt8(remaining))
        }
        func appendBitPacked(_ slice: ArraySlice<UInt32>) {
            var group = Array(slice)
            while group.count % 8 != 0 { group.append(0) }
            appendVarint((group.count / 8) << 1 | 1)
            var bits: [Bool] = []
            for value in group {
                for bit in 0..<bitWidth { bits.append((value >> UInt32(bit)) & 1 == 1) }
            }
            for byteStart in stride(from: 0, to: bits.count, by: 8) {
                var byte: UInt8 = 0
                for bit in 0..<8 where bits[byteStart + bit] { byte |= 1 << UInt8(bit) }
                output.append(byte)
            }
        }
        func appendRepeated(_ value: UInt32, count: Int) {
            appendVarint(count << 1)
            for byteIndex in 0..<(bitWidth + 7) / 8 {
                output.append(UInt8(truncatingIfNeeded: value >> UInt32(8 * byteIndex)))
            }
        }
        var literalStart = 0
        var position = 0
        while position < values.count {
            var runEnd = position + 1
            while runEnd < values.count && values[runEnd] == values[position] { runEnd += 1 }
            let runLength = runEnd - position
            let literalCount = position - literalStart
            let borrowed = (8 - literalCount % 8) % 8
            if runLength >= 8 && runLength - borrowed >= 8 {
                if literalCount + borrowed > 0 { appendBitPacked(values[literalStart..<(position + borrowed)]) }
                appendRepeated(values[position], count: runLength - borrowed)
                literalStart = runEnd
            }
            position = runEnd
        }
        if literalStart < values.count { appendBitPacked(values[literalStart...]) }
        return output
    }

    @Test(arguments: [0, 1, 2, 5, 8, 13, 32])
    func randomRunStructure(bitWidth: Int) {
        var generator = SeededGenerator(state: 500 + UInt64(bitWidth))
        let mask = UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(bitWidth)) - 1)
        for count in [0, 1, 7, 8, 9, 63, 64, 65, 66, 130, 1000, 5000] {
            var values: [UInt32] = []
            while values.count < count {
                let value = UInt32.random(in: .min ... .max, using: &generator) & mask
                let runLength = [1, 1, 2, 3, 7, 8, 9, 15, 16, 17, 60][Int.random(in: 0..<11, using: &generator)]
                values += repeatElement(value, count: min(runLength, count - values.count))
            }
            #expect(
                hybridEncoded(values, bitWidth: bitWidth) == referenceEncoding(values, bitWidth: bitWidth),
                "count \(count)")
        }
    }

    /// A run placed at every offset around the encoder's 64-value scanning blocks.
    @Test(arguments: [7, 8, 9, 16, 70])
    func runAtEveryOffset(runLength: Int) {
        for offset in 0..<140 {
            // Neighbouring literal values always differ: 0, 1, 2, 0, 1, 2, ...; the run is 5s.
            let values =
                (0..<offset).map { UInt32($0 % 3) }
                + [UInt32](repeating: 5, count: runLength)
                + (0..<20).map { UInt32($0 % 3) }
            let encoded = hybridEncoded(values, bitWidth: 3)
            #expect(encoded == referenceEncoding(values, bitWidth: 3), "offset \(offset)")
        }
    }
}
