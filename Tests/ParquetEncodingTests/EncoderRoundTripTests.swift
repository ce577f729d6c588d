import TestSupport
import Testing

@testable import ParquetEncoding

/// The DELTA byte-array, BYTE_STREAM_SPLIT and RLE boolean encoders: hand-computed vectors
/// for the layouts, and round trips through their decoders.
@Suite struct EncoderRoundTripTests {
    // MARK: Byte arrays

    @Test func deltaByteArrayStoresSharedPrefixes() throws {
        // Encodings.md's example: prefix lengths 0 2 0 3, suffixes "axis" "le" "babble" "yhood".
        let words = ["axis", "axle", "babble", "babyhood"]
        let (storage, ends) = packedByteArrays(words.map { Array($0.utf8) })
        var output: [UInt8] = []
        storage.withUnsafeBytes { bytes in
            ends.withUnsafeBufferPointer { DeltaByteArrayEncoder.encode(bytes, endOffsets: $0, into: &output) }
        }
        var prefixes: [Int32] = []
        let suffixStart = try output.withUnsafeBytes {
            try DeltaBinaryPackedDecoder.decode($0, count: 4, into: &prefixes)
        }
        #expect(prefixes == [0, 2, 0, 3])
        var suffixLengths: [Int32] = []
        let dataStart = try output.withUnsafeBytes {
            try suffixStart
                + DeltaBinaryPackedDecoder.decode(
                    UnsafeRawBufferPointer(rebasing: $0[suffixStart...]), count: 4, into: &suffixLengths)
        }
        #expect(suffixLengths == [4, 2, 6, 5])
        #expect(Array(output[dataStart...]) == Array("axislebabbleyhood".utf8))
        #expect(try Self.decodeByteArrays(output, frontCoded: true, count: 4) == words)
    }

    @Test(arguments: [true, false])
    func byteArraysRoundTrip(frontCoded: Bool) throws {
        let words = (0..<700).map { index in
            index % 97 == 0 ? "" : "object-\(index / 10)-é-\(String(repeating: "x", count: index % 13))"
        }
        let (storage, ends) = packedByteArrays(words.map { Array($0.utf8) })
        var output: [UInt8] = []
        storage.withUnsafeBytes { bytes in
            ends.withUnsafeBufferPointer { endOffsets in
                if frontCoded {
                    DeltaByteArrayEncoder.encode(bytes, endOffsets: endOffsets, into: &output)
                } else {
                    DeltaLengthByteArrayEncoder.encode(bytes, endOffsets: endOffsets, into: &output)
                }
            }
        }
        #expect(try Self.decodeByteArrays(output, frontCoded: frontCoded, count: words.count) == words)
        #expect(
            try Self.decodeByteArrays(Self.emptyEncoding(frontCoded: frontCoded), frontCoded: frontCoded, count: 0)
                == [])
    }

    @Test func deltaByteArrayOfFixedLengthValuesRoundTrips() throws {
        let storage: [UInt8] = [1, 2, 3, 1, 2, 4, 1, 9, 9, 0, 0, 0, 0, 0, 0]
        var output: [UInt8] = []
        storage.withUnsafeBytes { DeltaByteArrayEncoder.encode(fixedLengthValues: $0, length: 3, into: &output) }
        let decoded = try Self.decodeFrontCoded(output, count: 5)
        #expect(decoded.lengths == [3, 3, 3, 3, 3])
        #expect(decoded.bytes == storage)
    }

    // MARK: BYTE_STREAM_SPLIT and RLE booleans

    @Test func byteStreamSplitGathersEachByteIntoAStream() {
        let storage: [UInt8] = [0x00, 0x01, 0x02, 0x10, 0x11, 0x12]
        var output: [UInt8] = []
        storage.withUnsafeBytes { ByteStreamSplitEncoder.encode($0, width: 3, into: &output) }
        #expect(output == [0x00, 0x10, 0x01, 0x11, 0x02, 0x12])
    }

    @Test func byteStreamSplitRoundTripsDoubles() throws {
        let values: [Double] = [1.5, -0.0, .nan, .infinity, 1e-300, 42, -7.25]
        var output: [UInt8] = []
        values.withUnsafeBytes { ByteStreamSplitEncoder.encode($0, width: 8, into: &output) }
        var decoded = [Double](repeating: 0, count: values.count)
        try output.withUnsafeBytes { input in
            try decoded.withUnsafeMutableBytes {
                try ByteStreamSplitDecoder.decode(input, count: values.count, width: 8, into: $0.baseAddress!)
            }
        }
        #expect(decoded.map(\.bitPattern) == values.map(\.bitPattern))
    }

    @Test func booleanRLEIsLengthPrefixedHybridAtWidthOne() throws {
        var output: [UInt8] = []
        let tens = [Bool](repeating: true, count: 10)
        tens.withUnsafeBufferPointer { BooleanRLEEncoder.encode($0, into: &output) }
        // 4-byte length 2, then an RLE run: header 10 << 1, value 1.
        #expect(output == [0x02, 0x00, 0x00, 0x00, 0x14, 0x01])

        let mixed = (0..<1_001).map { $0 % 3 == 0 || ($0 > 500 && $0 < 600) }
        output.removeAll()
        mixed.withUnsafeBufferPointer { BooleanRLEEncoder.encode($0, into: &output) }
        var decoded: [Bool] = []
        try output.withUnsafeBufferPointer { (bytes) throws(DecodingFailure) in
            try decoded.appendUninitialized(count: mixed.count) { (target) throws(DecodingFailure) in
                try BooleanRLEDecoder.decode(UnsafeRawBufferPointer(bytes), count: mixed.count, into: target)
            }
        }
        #expect(decoded == mixed)
    }

    // MARK: Support

    private static func emptyEncoding(frontCoded: Bool) -> [UInt8] {
        var output: [UInt8] = []
        let empty: [UInt8] = []
        empty.withUnsafeBytes { bytes in
            [Int]().withUnsafeBufferPointer { ends in
                if frontCoded {
                    DeltaByteArrayEncoder.encode(bytes, endOffsets: ends, into: &output)
                } else {
                    DeltaLengthByteArrayEncoder.encode(bytes, endOffsets: ends, into: &output)
                }
            }
        }
        return output
    }

    /// Decodes DELTA_BYTE_ARRAY values: their lengths and their bytes back to back.
    private static func decodeFrontCoded(_ input: [UInt8], count: Int) throws(DecodingFailure) -> (
        lengths: [Int], bytes: [UInt8]
    ) {
        var decoder = DeltaByteArrayDecoder()
        var lengths: [Int] = []
        var bytes: [UInt8] = []
        try input.withUnsafeBufferPointer { (input) throws(DecodingFailure) in
            try decoder.decode(UnsafeRawBufferPointer(input), count: count) { (valueLengths, totalSize, fill) in
                lengths = valueLengths
                bytes.appendUninitialized(count: totalSize, fill)
            }
        }
        return (lengths, bytes)
    }

    /// Decodes DELTA_BYTE_ARRAY (`frontCoded`) or DELTA_LENGTH_BYTE_ARRAY values as text.
    private static func decodeByteArrays(_ input: [UInt8], frontCoded: Bool, count: Int) throws -> [String] {
        let lengths: [Int]
        let bytes: [UInt8]
        if frontCoded {
            (lengths, bytes) = try decodeFrontCoded(input, count: count)
        } else {
            let (valueLengths, dataOffset, dataSize) = try input.withUnsafeBufferPointer {
                (input) throws(DecodingFailure) in
                try DeltaLengthByteArrayDecoder.lengths(UnsafeRawBufferPointer(input), count: count)
            }
            #expect(dataOffset + dataSize == input.count)
            lengths = valueLengths.map { Int($0) }
            bytes = Array(input[dataOffset...])
        }
        var start = 0
        return lengths.map { length in
            defer { start += length }
            return String(decoding: bytes[start..<(start + length)], as: UTF8.self)
        }
    }
}
