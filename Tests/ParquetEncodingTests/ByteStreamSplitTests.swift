import TestSupport
import Testing

@testable import ParquetEncoding

@Suite struct ByteStreamSplitTests {
    /// FLOAT, DOUBLE, INT32, INT64, FLOAT16 and FIXED_LEN_BYTE_ARRAY widths.
    @Test(arguments: [1, 2, 3, 4, 8, 12, 16])
    func roundTrips(width: Int) throws {
        var generator = SeededGenerator(state: UInt64(width))
        for count in [0, 1, 2, 7, 1_000] {
            let storage = (0..<(count * width)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var encoded: [UInt8] = []
            storage.withUnsafeBytes { ByteStreamSplitEncoder.encode($0, width: width, into: &encoded) }
            #expect(encoded.count == storage.count)
            // Stream 1 starts with byte 1 of the first value; one stream is the values as they are.
            if width > 1, count > 0 { #expect(encoded[count] == storage[1]) }
            if width == 1 { #expect(encoded == storage) }
            var decoded = [UInt8](repeating: 0, count: storage.count)
            try encoded.withUnsafeBufferPointer { (input) throws(DecodingFailure) in
                try decoded.withUnsafeMutableBufferPointer { (output) throws(DecodingFailure) in
                    guard let start = output.baseAddress else { return }
                    try ByteStreamSplitDecoder.decode(
                        UnsafeRawBufferPointer(input), count: count, width: width, into: UnsafeMutableRawPointer(start))
                }
            }
            #expect(decoded == storage, "count \(count)")
        }
    }

    @Test func inputOfTheWrongSizeThrows() {
        var output = [UInt8](repeating: 0, count: 16)
        for size in [7, 9] {
            #expect(throws: DecodingFailure.self) {
                try [UInt8](repeating: 1, count: size).withUnsafeBufferPointer { (input) throws(DecodingFailure) in
                    try output.withUnsafeMutableBufferPointer { (output) throws(DecodingFailure) in
                        try ByteStreamSplitDecoder.decode(
                            UnsafeRawBufferPointer(input), count: 2, width: 4,
                            into: UnsafeMutableRawPointer(output.baseAddress!))
                    }
                }
            }
        }
    }
}
