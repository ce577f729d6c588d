import TestSupport
import Testing

@testable import ParquetEncoding

@Suite("Bit packing (LSB first)")
struct BitPackingTests {
    private func packed(_ values: [UInt32], bitWidth: Int) -> [UInt8] {
        let byteCount = BitPacking.byteCount(valueCount: values.count, bitWidth: bitWidth)
        var bytes = [UInt8](repeating: 0xEE, count: byteCount)
        values.withUnsafeBufferPointer { source in
            bytes.withUnsafeMutableBytes {
                BitPacking.pack(source.baseAddress!, count: values.count, bitWidth: bitWidth, into: $0.baseAddress!)
            }
        }
        return bytes
    }

    /// Encodings.md: 0...7 at width 3 packs to 10001000 11000110 11111010.
    @Test func specExampleWidthThree() {
        #expect(packed([0, 1, 2, 3, 4, 5, 6, 7], bitWidth: 3) == [0b1000_1000, 0b1100_0110, 0b1111_1010])
    }

    @Test func widthOneIsLeastSignificantBitFirst() {
        #expect(packed([1, 0, 0, 0, 0, 0, 0, 0], bitWidth: 1) == [0x01])
        #expect(packed([0, 0, 0, 0, 0, 0, 0, 1], bitWidth: 1) == [0x80])
        #expect(packed([1, 1, 0, 1, 0, 0, 0, 0, 1], bitWidth: 1) == [0x0B, 0x01])
    }

    @Test func wideValuesAreLittleEndian() {
        #expect(packed([0x1234], bitWidth: 16) == [0x34, 0x12])
        #expect(packed([0xDEAD_BEEF, 1], bitWidth: 32) == [0xEF, 0xBE, 0xAD, 0xDE, 1, 0, 0, 0])
        // 12-bit values 0xABC, 0x123 share the middle byte: 0xBC, 0x3A, 0x12.
        #expect(packed([0xABC, 0x123], bitWidth: 12) == [0xBC, 0x3A, 0x12])
    }

    @Test func bitsAboveTheWidthAreDropped() {
        #expect(packed([0xFF, 0], bitWidth: 1) == [0x01])
    }

    @Test func widthZeroTakesNoBytes() {
        #expect(packed([0, 0, 0, 0, 0, 0, 0, 0], bitWidth: 0) == [])
    }

    @Test func bitWidthForMaximumValue() {
        #expect(BitPacking.bitWidth(forMaximumValue: 0) == 0)
        #expect(BitPacking.bitWidth(forMaximumValue: 1) == 1)
        #expect(BitPacking.bitWidth(forMaximumValue: 7) == 3)
        #expect(BitPacking.bitWidth(forMaximumValue: 8) == 4)
        #expect(BitPacking.bitWidth(forMaximumValue: 255) == 8)
        #expect(BitPacking.bitWidth(forMaximumValue: 256) == 9)
        #expect(BitPacking.bitWidth(forMaximumValue: UInt64(UInt32.max)) == 32)
    }

    @Test(arguments: 0...32)
    func unpackInvertsPack(bitWidth: Int) {
        var generator = SeededGenerator(state: UInt64(bitWidth))
        let mask = UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(bitWidth)) - 1)
        for count in [0, 1, 5, 8, 13, 64, 333] {
            let values = (0..<count).map { _ in UInt32.random(in: .min ... .max, using: &generator) & mask }
            // A trailing sentinel byte keeps the buffer non-empty; unpack must not read it.
            let bytes = packed(values, bitWidth: bitWidth) + [0xFF]
            var restored = [UInt32](repeating: 0, count: count + 1)
            bytes.withUnsafeBytes { source in
                restored.withUnsafeMutableBufferPointer {
                    BitPacking.unpack(source, count: count, bitWidth: bitWidth, into: $0.baseAddress!)
                }
            }
            restored.removeLast()
            #expect(restored == values, "count \(count)")
        }
    }

    /// DELTA_BINARY_PACKED miniblocks go up to 64 bits, written by `LSBBitWriter`.
    @Test(arguments: 0...64)
    func unpackInvertsTheWideWriter(bitWidth: Int) {
        var generator = SeededGenerator(state: 500 + UInt64(bitWidth))
        let mask: UInt64 = bitWidth == 64 ? .max : (1 << UInt64(bitWidth)) - 1
        for count in [0, 1, 7, 8, 9, 32, 129] {
            // The extremes first, then random values.
            let values = (0..<count).map { index -> UInt64 in
                switch index {
                case 0: mask
                case 1: 0
                default: UInt64.random(in: .min ... .max, using: &generator) & mask
                }
            }
            var writer = LSBBitWriter()
            var bytes: [UInt8] = []
            for value in values { writer.append(value, bitWidth: bitWidth, to: &bytes) }
            writer.flush(to: &bytes)
            #expect(bytes.count == BitPacking.byteCount(valueCount: count, bitWidth: bitWidth))
            var restored = [UInt64](repeating: 0, count: count)
            bytes.withUnsafeBytes { source in
                restored.withUnsafeMutableBufferPointer {
                    if let start = $0.baseAddress {
                        BitPacking.unpack(source, count: count, bitWidth: bitWidth, into: start)
                    }
                }
            }
            #expect(restored == values, "count \(count)")
        }
    }

    @Test func theWideWriterMatchesPack() {
        let values: [UInt32] = [5, 0, 7, 1, 3, 6, 2, 4, 1]
        var writer = LSBBitWriter()
        var bytes: [UInt8] = []
        for value in values { writer.append(UInt64(value), bitWidth: 3, to: &bytes) }
        writer.flush(to: &bytes)
        #expect(bytes == packed(values, bitWidth: 3))
    }

    /// The deprecated BIT_PACKED levels: most significant bit first.
    @Test func unpacksMostSignificantBitFirst() {
        // 0...7 at width 3 (Encodings.md's BIT_PACKED example): 00000101 00111001 01110111.
        let bytes: [UInt8] = [0b0000_0101, 0b0011_1001, 0b0111_0111]
        var levels = [UInt8](repeating: 0xFF, count: 8)
        bytes.withUnsafeBytes { source in
            levels.withUnsafeMutableBufferPointer {
                BitPacking.unpackMostSignificantFirst(source, count: 8, bitWidth: 3, into: $0.baseAddress!)
            }
        }
        #expect(levels == [0, 1, 2, 3, 4, 5, 6, 7])
    }
}
