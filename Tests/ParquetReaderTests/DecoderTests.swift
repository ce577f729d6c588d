import ParquetFormat
import Testing

@testable import ParquetReader

/// The encodings' decoders on hand-made inputs: vectors from the specification's
/// examples, boundary cases, and corrupt input that must throw rather than trap or
/// allocate without bound.
@Suite struct DecoderTests {
    @Test func rleHybridMixesRunsAndBitPackedGroups() throws {
        // RLE run of 5 × 3 (bit width 3), then one bit-packed group of 0...7 (Encodings.md's example bytes).
        let input: [UInt8] = [0x0A, 0x03, 0x03, 0x88, 0xC6, 0xFA]
        var output = [UInt8](repeating: 0, count: 13)
        try input.withUnsafeBytes { bytes in
            var decoder = try RLEHybridDecoder(bytes, bitWidth: 3)
            try output.withUnsafeMutableBufferPointer { try decoder.decode(count: 13, into: $0.baseAddress!) }
        }
        #expect(output == [3, 3, 3, 3, 3, 0, 1, 2, 3, 4, 5, 6, 7])
    }

    @Test func rleHybridRejectsTruncatedAndOverwideRuns() {
        for input: [UInt8] in [[0x03], [0x0A], [0x0A, 0x09], [0x80]] {
            #expect(throws: DecodingFailure.self, "\(input)") {
                try input.withUnsafeBytes { bytes in
                    var decoder = try RLEHybridDecoder(bytes, bitWidth: 3)
                    var output = [UInt8](repeating: 0, count: 8)
                    try output.withUnsafeMutableBufferPointer { try decoder.decode(count: 8, into: $0.baseAddress!) }
                }
            }
        }
    }

    /// Encodings.md's DELTA_BINARY_PACKED example 1: 1, 2, 3, 4, 5.
    @Test func deltaBinaryPackedSpecificationExample() throws {
        // Header: block 128, 4 miniblocks, 5 values, first value 1 (zigzag 2); block: min delta 1 (zigzag 2),
        // bit widths 0, 0, 0, 0 and no miniblock data.
        let input: [UInt8] = [0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00]
        var output: [Int64] = []
        let consumed = try input.withUnsafeBytes { try DeltaBinaryPackedDecoder.decode($0, count: 5, into: &output) }
        #expect(output == [1, 2, 3, 4, 5])
        #expect(consumed == input.count)
    }

    @Test func deltaBinaryPackedWrapsInt32() throws {
        // Int32.max then a delta of +1 wraps to Int32.min: block 128, 1 miniblock, 2 values,
        // first value zigzag(Int32.max), min delta 1, bit width 0.
        var input: [UInt8] = [0x80, 0x01, 0x01, 0x02]
        input += varint(UInt64(Int32.max) << 1)
        input += [0x02, 0x00]
        var output: [Int32] = []
        _ = try input.withUnsafeBytes { try DeltaBinaryPackedDecoder.decode($0, count: 2, into: &output) }
        #expect(output == [.max, .min])
    }

    @Test func deltaBinaryPackedRejectsMismatchedCountsAndBadHeaders() {
        let cases: [([UInt8], Int)] = [
            ([0x80, 0x01, 0x04, 0x05, 0x02], 6),  // header says 5 values, page 6
            ([0x7F, 0x04, 0x05, 0x02], 5),  // block size not a multiple of 128
            ([0x80, 0x01, 0x03, 0x05, 0x02], 5),  // 3 miniblocks do not divide 128
            ([0x80, 0x01, 0x04, 0x05, 0x02, 0x02], 5),  // bit widths missing
            ([0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x41, 0x00, 0x00, 0x00], 5),  // bit width 65
        ]
        for (input, count) in cases {
            #expect(throws: DecodingFailure.self, "\(input)") {
                var output: [Int64] = []
                _ = try input.withUnsafeBytes { try DeltaBinaryPackedDecoder.decode($0, count: count, into: &output) }
            }
        }
    }

    @Test func byteStreamSplitInterleavesStreams() throws {
        let input: [UInt8] = [0x01, 0x02, 0xA1, 0xA2, 0xB1, 0xB2, 0xC1, 0xC2]
        let decoder = FixedWidthValueDecoder<Int32>(typeName: "INT32", allowsByteStreamSplit: true, deltaDecoding: nil)
        try input.withUnsafeBytes { try decoder.append($0, encoding: .byteStreamSplit, count: 2) }
        #expect(decoder.takeValues() == .int32([Int32(bitPattern: 0xC1B1_A101), Int32(bitPattern: 0xC2B2_A202)]))
        #expect(throws: DecodingFailure.self) {
            try input.withUnsafeBytes { try decoder.append($0, encoding: .byteStreamSplit, count: 3) }
        }
    }

    @Test func deltaByteArrayBuildsOnThePreviousValue() throws {
        // Values "ab", "abc", "b": prefixes 0, 2, 0; suffixes "ab", "c", "b".
        var input = deltaHeader(values: [0, 2, 0])
        input += deltaHeader(values: [2, 1, 1])
        input += Array("abcb".utf8)
        let decoder = ByteArrayValueDecoder()
        try input.withUnsafeBytes { try decoder.append($0, encoding: .deltaByteArray, count: 3) }
        guard case .byteArray(let values) = decoder.takeValues() else {
            Issue.record("expected byte arrays")
            return
        }
        #expect((0..<3).map { String(decoding: values[$0], as: UTF8.self) } == ["ab", "abc", "b"])
    }

    @Test func hugeCountsThrowWithoutAllocating() {
        let small: [UInt8] = [1, 0, 0, 0, 0x41]
        #expect(throws: DecodingFailure.self) {
            try small.withUnsafeBytes { try ByteArrayValueDecoder().setDictionary($0, count: Int(Int32.max)) }
        }
        #expect(throws: DecodingFailure.self) {
            try small.withUnsafeBytes {
                try FixedWidthValueDecoder<Int64>(typeName: "INT64", allowsByteStreamSplit: true, deltaDecoding: nil)
                    .setDictionary($0, count: Int(Int32.max))
            }
        }
        #expect(throws: DecodingFailure.self) {
            try small.withUnsafeBytes { try BooleanValueDecoder().append($0, encoding: .plain, count: Int(Int32.max)) }
        }
    }

    @Test func dictionaryIndicesOutsideTheDictionaryThrow() throws {
        let decoder = FixedWidthValueDecoder<Int32>(typeName: "INT32", allowsByteStreamSplit: true, deltaDecoding: nil)
        let dictionary: [UInt8] = [7, 0, 0, 0, 9, 0, 0, 0]
        try dictionary.withUnsafeBytes { try decoder.setDictionary($0, count: 2) }
        // Bit width 2, RLE run of 3 × index 1, then a run of 1 × index 2 (outside).
        try [UInt8]([0x02, 0x06, 0x01]).withUnsafeBytes { try decoder.append($0, encoding: .rleDictionary, count: 3) }
        #expect(decoder.takeValues() == .int32([9, 9, 9]))
        #expect(throws: DecodingFailure.self) {
            try [UInt8]([0x02, 0x02, 0x02]).withUnsafeBytes {
                try decoder.append($0, encoding: .rleDictionary, count: 1)
            }
        }
    }

    /// A DELTA_BINARY_PACKED stream of `values` with every delta in one miniblock.
    private func deltaHeader(values: [Int64]) -> [UInt8] {
        var bytes: [UInt8] = [0x80, 0x01, 0x01] + varint(UInt64(values.count)) + varint(zigzag(values.first ?? 0))
        guard values.count > 1 else { return bytes }
        let deltas = zip(values.dropFirst(), values).map { $0 - $1 }
        let minimum = deltas.min()!
        bytes += varint(zigzag(minimum)) + [8]
        var miniblock = [UInt8](repeating: 0, count: 128)
        for (index, delta) in deltas.enumerated() {
            miniblock[index] = UInt8(delta - minimum)
        }
        return bytes + miniblock
    }

    private func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    private func varint(_ value: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        var remaining = value
        while remaining >= 0x80 {
            bytes.append(UInt8(remaining & 0x7F) | 0x80)
            remaining >>= 7
        }
        return bytes + [UInt8(remaining)]
    }
}
