import TestSupport
import Testing

@testable import ParquetEncoding

@Suite("PLAIN encoding")
struct PlainEncoderTests {
    private func booleans(_ values: [Bool]) -> [UInt8] {
        var output: [UInt8] = []
        values.withUnsafeBufferPointer { PlainEncoder.appendBooleans($0, into: &output) }
        return output
    }

    @Test func booleansAreBitPackedLeastSignificantFirst() {
        #expect(booleans([]) == [])
        #expect(booleans([true]) == [0x01])
        #expect(booleans([false, true]) == [0x02])
        #expect(booleans([true, false, true, true, false, false, false, false, true]) == [0x0D, 0x01])
        #expect(booleans([false, false, false, false, false, false, false, true]) == [0x80])
        #expect(booleans([Bool](repeating: true, count: 16)) == [0xFF, 0xFF])
    }

    @Test func booleansMatchBitPacking() {
        var generator = SeededGenerator(state: 4)
        for count in [1, 7, 8, 9, 63, 64, 65, 1000] {
            let values = (0..<count).map { _ in Bool.random(using: &generator) }
            let asBits = values.map { UInt8($0 ? 1 : 0) }
            var expected = [UInt8](repeating: 0, count: (count + 7) / 8)
            asBits.withUnsafeBufferPointer { source in
                expected.withUnsafeMutableBytes {
                    BitPacking.pack(source.baseAddress!, count: count, bitWidth: 1, into: $0.baseAddress!)
                }
            }
            #expect(booleans(values) == expected, "count \(count)")
        }
    }

    @Test func byteArraysHaveLengthPrefixes() {
        let bytes = Array("ahixyz".utf8)
        let ends = [1, 1, 3, 6]
        var output: [UInt8] = [0xEE]
        bytes.withUnsafeBytes { values in
            ends.withUnsafeBufferPointer { PlainEncoder.appendByteArrays(values, endOffsets: $0, into: &output) }
        }
        #expect(output == [0xEE, 1, 0, 0, 0, 0x61, 0, 0, 0, 0, 2, 0, 0, 0, 0x68, 0x69, 3, 0, 0, 0, 0x78, 0x79, 0x7A])
    }

    @Test func longByteArrayLength() {
        let bytes = [UInt8](repeating: 7, count: 70_000)
        var output: [UInt8] = []
        bytes.withUnsafeBytes { values in
            [70_000].withUnsafeBufferPointer { PlainEncoder.appendByteArrays(values, endOffsets: $0, into: &output) }
        }
        #expect(Array(output.prefix(4)) == [0x70, 0x11, 0x01, 0x00])
        #expect(output.count == 70_004)
    }

    @Test func noByteArraysWriteNothing() {
        var output: [UInt8] = []
        [UInt8]().withUnsafeBytes { values in
            [Int]().withUnsafeBufferPointer { PlainEncoder.appendByteArrays(values, endOffsets: $0, into: &output) }
        }
        #expect(output.isEmpty)
    }

    @Test func fixedWidthValuesAreLittleEndian() {
        var output: [UInt8] = []
        [Int32(1), -2].withUnsafeBufferPointer { PlainEncoder.appendLittleEndian($0, into: &output) }
        [Int64(0x0102_0304_0506_0708)].withUnsafeBufferPointer { PlainEncoder.appendLittleEndian($0, into: &output) }
        #expect(output == [1, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF, 8, 7, 6, 5, 4, 3, 2, 1])
    }

    @Test func floatingPointIsIEEELittleEndian() {
        var output: [UInt8] = []
        [Float(1.0), -0.0].withUnsafeBufferPointer { PlainEncoder.appendLittleEndian($0, into: &output) }
        [Double(1.0)].withUnsafeBufferPointer { PlainEncoder.appendLittleEndian($0, into: &output) }
        #expect(output == [0, 0, 0x80, 0x3F, 0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
    }
}
