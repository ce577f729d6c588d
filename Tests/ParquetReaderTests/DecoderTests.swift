import ParquetEncoding
import ParquetFormat
import Testing

@testable import ParquetReader

/// The page value decoders on hand-made inputs: each encoding reaching the right decoder,
/// and corrupt input that must throw rather than trap or allocate without bound. The
/// encodings themselves are tested in ParquetEncodingTests.
@Suite struct DecoderTests {
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
        ZigZag.encode(value)
    }

    private func varint(_ value: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        ULEB128.append(value, to: &bytes)
        return bytes
    }
}
