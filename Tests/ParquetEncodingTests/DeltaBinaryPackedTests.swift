import TestSupport
import Testing

@testable import ParquetEncoding

/// DELTA_BINARY_PACKED on hand-made bytes and through encoder and decoder at the
/// boundaries of its blocks (128 deltas) and miniblocks (32 deltas).
@Suite struct DeltaBinaryPackedTests {
    private func decode<Value>(
        _ bytes: [UInt8], count: Int, as _: Value.Type
    ) throws(DecodingFailure) -> (values: [Value], consumed: Int) where Value: FixedWidthInteger {
        var int32: [Int32] = []
        var int64: [Int64] = []
        let consumed = try bytes.withUnsafeBufferPointer { (input) throws(DecodingFailure) in
            Value.self == Int32.self
                ? try DeltaBinaryPackedDecoder.decode(UnsafeRawBufferPointer(input), count: count, into: &int32)
                : try DeltaBinaryPackedDecoder.decode(UnsafeRawBufferPointer(input), count: count, into: &int64)
        }
        return (Value.self == Int32.self ? int32.map { Value($0) } : int64.map { Value($0) }, consumed)
    }

    private func roundTrip(_ values: [Int32]) throws {
        var encoded: [UInt8] = []
        values.withUnsafeBufferPointer { DeltaBinaryPackedEncoder.encode($0, into: &encoded) }
        let decoded = try decode(encoded, count: values.count, as: Int32.self)
        #expect(decoded.values.elementsEqual(values))
        #expect(decoded.consumed == encoded.count)
    }

    private func roundTrip(_ values: [Int64]) throws {
        var encoded: [UInt8] = []
        values.withUnsafeBufferPointer { DeltaBinaryPackedEncoder.encode($0, into: &encoded) }
        let decoded = try decode(encoded, count: values.count, as: Int64.self)
        #expect(decoded.values.elementsEqual(values))
        #expect(decoded.consumed == encoded.count)
    }

    /// Encodings.md's example 1: 1, 2, 3, 4, 5.
    @Test func specificationExample() throws {
        // Header: block 128, 4 miniblocks, 5 values, first value 1 (zigzag 2); block: min delta 1 (zigzag 2),
        // bit widths 0, 0, 0, 0 and no miniblock data.
        let input: [UInt8] = [0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00]
        let decoded = try decode(input, count: 5, as: Int64.self)
        #expect(decoded.values == [1, 2, 3, 4, 5])
        #expect(decoded.consumed == input.count)
        var encoded: [UInt8] = []
        [Int64(1), 2, 3, 4, 5].withUnsafeBufferPointer { DeltaBinaryPackedEncoder.encode($0, into: &encoded) }
        #expect(encoded == input)
    }

    @Test func matchesHandComputedBytes() {
        // Header: block 128, 4 miniblocks, 8 values, first value 7 (zigzag 14).
        // Deltas -2 -2 -2 1 1 1 1: minimum -2 (zigzag 3), then 0 0 0 3 3 3 3 at 2 bits,
        // the miniblock padded to 32 values (8 bytes); the three unused miniblocks have width 0.
        let values: [Int32] = [7, 5, 3, 1, 2, 3, 4, 5]
        var output: [UInt8] = []
        values.withUnsafeBufferPointer { DeltaBinaryPackedEncoder.encode($0, into: &output) }
        #expect(output == [0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 0x02, 0x00, 0x00, 0x00, 0xC0, 0x3F, 0, 0, 0, 0, 0, 0])
    }

    @Test func sortedValuesAreSmall() {
        let values = (0..<1_000).map { Int64($0) * 3 + 1_000_000_000_000 }
        var output: [UInt8] = []
        values.withUnsafeBufferPointer { DeltaBinaryPackedEncoder.encode($0, into: &output) }
        // A constant delta packs at bit width 0: the header and per block a minimum and 4 widths.
        #expect(output.count < 100)
    }

    @Test func int32DeltasWrapIn32Bits() throws {
        // Int32.max then a delta of +1 wraps to Int32.min: block 128, 1 miniblock, 2 values,
        // first value zigzag(Int32.max), min delta 1, bit width 0.
        var input: [UInt8] = [0x80, 0x01, 0x01, 0x02]
        ULEB128.append(UInt64(Int32.max) << 1, to: &input)
        input += [0x02, 0x00]
        #expect(try decode(input, count: 2, as: Int32.self).values == [.max, .min])
    }

    @Test func mismatchedCountsAndBadHeadersThrow() {
        let cases: [([UInt8], Int)] = [
            ([0x80, 0x01, 0x04, 0x05, 0x02], 6),  // header says 5 values, page 6
            ([0x7F, 0x04, 0x05, 0x02], 5),  // block size not a multiple of 128
            ([0x80, 0x01, 0x03, 0x05, 0x02], 5),  // 3 miniblocks do not divide 128
            ([0x80, 0x01, 0x04, 0x05, 0x02, 0x02], 5),  // bit widths missing
            ([0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x41, 0x00, 0x00, 0x00], 5),  // bit width 65
            ([0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x08, 0x00, 0x00, 0x00, 0x01], 5),  // miniblock cut short
        ]
        for (input, count) in cases {
            #expect(throws: DecodingFailure.self, "\(input)") { try decode(input, count: count, as: Int64.self) }
        }
    }

    @Test func emptyAndSingleValues() throws {
        try roundTrip([Int32]())
        try roundTrip([Int32.min])
        try roundTrip([Int64.max])
        var encoded: [UInt8] = []
        [Int64]().withUnsafeBufferPointer { DeltaBinaryPackedEncoder.encode($0, into: &encoded) }
        // The header alone: block 128, 4 miniblocks, 0 values, first value 0.
        #expect(encoded == [0x80, 0x01, 0x04, 0x00, 0x00])
    }

    /// Counts one either side of every miniblock and block boundary (values = deltas + 1).
    @Test(arguments: [2, 32, 33, 34, 64, 65, 96, 97, 128, 129, 130, 256, 257, 258, 1_000])
    func boundaryCounts(count: Int) throws {
        var generator = SeededGenerator(state: UInt64(count) * 7)
        // Shifted random bits, so that deltas of many widths meet in one block.
        try roundTrip((0..<count).map { Int32(truncatingIfNeeded: generator.next() >> UInt64($0 % 40)) })
        try roundTrip((0..<count).map { Int64(bitPattern: generator.next() >> UInt64($0 % 64)) })
    }

    @Test func negativeDeltas() throws {
        try roundTrip((0..<500).map { Int32(10_000 - $0 * 17) })
        try roundTrip((0..<500).map { Int64(-$0) * 1_000_000_007 })
    }

    @Test func extremesNeedTheFullWidth() throws {
        // Deltas of +max and -max are 2 × max apart, so miniblocks are 32 or 64 bits wide.
        let int32 = (0..<300).map { $0 % 2 == 0 ? 0 : Int32.max }
        let int64 = (0..<300).map { $0 % 2 == 0 ? 0 : Int64.max }
        try roundTrip(int32)
        try roundTrip(int64)
        // Alternating minimum and maximum: deltas of -1 and +1 that wrap.
        try roundTrip((0..<300).map { $0 % 2 == 0 ? Int32.min : .max })
        try roundTrip((0..<300).map { $0 % 2 == 0 ? Int64.min : .max })
        var encoded: [UInt8] = []
        int64.withUnsafeBufferPointer { DeltaBinaryPackedEncoder.encode($0, into: &encoded) }
        // 299 deltas of 64 bits, the last miniblock padded to 32 values: at least 320 × 8 bytes.
        #expect(encoded.count >= 320 * 8)
    }

    @Test func miniblocksOfDifferentWidths() throws {
        // Constant, then small, then wide deltas, each filling one miniblock of the block.
        var values: [Int64] = [0]
        for index in 0..<128 {
            let step: Int64 =
                switch index / 32 {
                case 0: 5
                case 1: Int64(index % 3)
                case 2: Int64(index % 2 == 0 ? 1 << 40 : -(1 << 40))
                default: -7
                }
            values.append(values.last! &+ step)
        }
        try roundTrip(values)
    }
}
