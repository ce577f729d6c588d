import TestSupport
import Testing

@testable import ParquetEncoding

/// PLAIN through ``PlainEncoder`` and back through ``PlainDecoder``.
@Suite struct PlainRoundTripTests {
    @Test(arguments: [0, 1, 7, 8, 9, 63, 64, 65, 1_000])
    func booleans(count: Int) throws {
        var generator = SeededGenerator(state: UInt64(count))
        let values = (0..<count).map { _ in Bool.random(using: &generator) }
        var encoded: [UInt8] = []
        values.withUnsafeBufferPointer { PlainEncoder.appendBooleans($0, into: &encoded) }
        var decoded: [Bool] = [true]
        try encoded.withUnsafeBufferPointer { (input) throws(DecodingFailure) in
            try PlainDecoder.appendBooleans(UnsafeRawBufferPointer(input), count: count, to: &decoded)
        }
        #expect(decoded == [true] + values)
    }

    @Test func tooFewBooleanBytesThrow() {
        #expect(throws: DecodingFailure.self) {
            var decoded: [Bool] = []
            try [UInt8](repeating: 0xFF, count: 2).withUnsafeBufferPointer { (input) throws(DecodingFailure) in
                try PlainDecoder.appendBooleans(UnsafeRawBufferPointer(input), count: 17, to: &decoded)
            }
        }
    }

    @Test func byteArrays() throws {
        let values: [[UInt8]] = [
            [], Array("a".utf8), [], Array("étoile".utf8), [UInt8](repeating: 0xAB, count: 70_000), [0],
        ]
        let (storage, ends) = packedByteArrays(values)
        var encoded: [UInt8] = []
        storage.withUnsafeBytes { bytes in
            ends.withUnsafeBufferPointer { PlainEncoder.appendByteArrays(bytes, endOffsets: $0, into: &encoded) }
        }
        var decoded: [[UInt8]] = []
        try encoded.withUnsafeBufferPointer { (input) throws(DecodingFailure) in
            try PlainDecoder.forEachByteArray(UnsafeRawBufferPointer(input), count: values.count) {
                decoded.append(Array($0))
            }
        }
        #expect(decoded == values)
    }

    @Test func truncatedByteArraysThrowAtTheValue() {
        // Value 0 is "ab"; value 1 claims 5 bytes but has 1.
        let input: [UInt8] = [2, 0, 0, 0, 0x61, 0x62, 5, 0, 0, 0, 0x63]
        for (count, offset) in [(2, 6), (3, 6)] {
            do {
                try input.withUnsafeBufferPointer { (input) throws(DecodingFailure) in
                    try PlainDecoder.forEachByteArray(UnsafeRawBufferPointer(input), count: count) { _ in }
                }
                Issue.record("count \(count) decoded")
            } catch {
                #expect(error.offset == offset)
            }
        }
        // A length cut short.
        #expect(throws: DecodingFailure.self) {
            try [UInt8]([2, 0]).withUnsafeBufferPointer { (input) throws(DecodingFailure) in
                try PlainDecoder.forEachByteArray(UnsafeRawBufferPointer(input), count: 1) { _ in }
            }
        }
    }

    private func fixedWidthRoundTrip<Value: FixedWidthInteger>(_ values: [Value]) throws -> [Value] {
        var encoded: [UInt8] = []
        values.withUnsafeBufferPointer { PlainEncoder.appendLittleEndian($0, into: &encoded) }
        #expect(encoded.count == values.count * MemoryLayout<Value>.size)
        let bytes = try encoded.withUnsafeBufferPointer { (input) throws(DecodingFailure) in
            Array(
                try PlainDecoder.fixedWidthValues(
                    UnsafeRawBufferPointer(input), count: values.count, width: MemoryLayout<Value>.size))
        }
        return (0..<values.count).map { index in
            bytes.withUnsafeBytes {
                Value(littleEndian: $0.loadUnaligned(fromByteOffset: index * MemoryLayout<Value>.size, as: Value.self))
            }
        }
    }

    @Test func fixedWidthIntegers() throws {
        let int32: [Int32] = [0, 1, -1, .min, .max, 0x0102_0304]
        let int64: [Int64] = [0, -1, .min, .max, 0x0102_0304_0506_0708]
        #expect(try fixedWidthRoundTrip(int32) == int32)
        #expect(try fixedWidthRoundTrip(int64) == int64)
        #expect(try fixedWidthRoundTrip([UInt16]()) == [])
    }

    @Test func floatingPointKeepsEveryBitPattern() throws {
        let doubles: [Double] = [0, -0.0, .nan, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1.5]
        var encoded: [UInt8] = []
        doubles.withUnsafeBufferPointer { PlainEncoder.appendLittleEndian($0, into: &encoded) }
        #expect(try fixedWidthRoundTrip(doubles.map(\.bitPattern)) == doubles.map(\.bitPattern))
        #expect(encoded == doubles.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian) { Array($0) } })
        let floats: [Float] = [-0.0, .nan, .infinity, 3.25]
        encoded.removeAll()
        floats.withUnsafeBufferPointer { PlainEncoder.appendLittleEndian($0, into: &encoded) }
        #expect(encoded == floats.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian) { Array($0) } })
    }

    @Test func tooFewFixedWidthBytesThrow() {
        #expect(throws: DecodingFailure.self) {
            try [UInt8](repeating: 0, count: 11).withUnsafeBufferPointer { (input) throws(DecodingFailure) in
                _ = try PlainDecoder.fixedWidthValues(UnsafeRawBufferPointer(input), count: 3, width: 4)
            }
        }
    }
}
