/// Decoder for the RLE/bit-packing hybrid that stores levels, dictionary indices and
/// RLE booleans, the inverse of ``RLEHybridEncoder``. The input carries no length prefix;
/// callers strip it.
///
/// Every read is checked against the input, and values wider than `bitWidth` in RLE runs
/// are rejected, so corrupt data throws instead of trapping.
package struct RLEHybridDecoder {
    private let input: UnsafeRawBufferPointer
    private let bitWidth: Int
    /// Offset of the next run header.
    private(set) var position = 0

    package init(_ input: UnsafeRawBufferPointer, bitWidth: Int) throws(DecodingFailure) {
        guard (0...BitPacking.maximumBitWidth).contains(bitWidth) else {
            throw DecodingFailure(at: 0, "bit width \(bitWidth) is outside 0...\(BitPacking.maximumBitWidth)")
        }
        self.input = input
        self.bitWidth = bitWidth
    }

    /// Decodes exactly `count` values into `output`: levels, or booleans of bit width 1.
    ///
    /// A bit-packed run may end early when its last group is cut short: some writers omit
    /// the padding after the last value they need, so only the bytes holding needed values
    /// must be present.
    package mutating func decode(count: Int, into output: UnsafeMutablePointer<UInt8>) throws(DecodingFailure) {
        try decodeValues(count: count, into: output)
    }

    /// Decodes exactly `count` dictionary indices into `output`, as the `UInt8` form does levels.
    package mutating func decode(count: Int, into output: UnsafeMutablePointer<UInt32>) throws(DecodingFailure) {
        try decodeValues(count: count, into: output)
    }

    private mutating func decodeValues<Value: FixedWidthInteger & UnsignedInteger>(
        count: Int, into output: UnsafeMutablePointer<Value>
    ) throws(DecodingFailure) {
        let valueByteCount = (bitWidth + 7) / 8
        var decoded = 0
        while decoded < count {
            let headerOffset = position
            let header = try ULEB128.read(input, at: &position)
            guard header >> 1 <= UInt64(Int32.max) else {
                throw DecodingFailure(at: headerOffset, "run length \(header >> 1) is out of range")
            }
            let target = output + decoded
            if header & 1 == 1 {
                let runLength = Int(header >> 1) * 8
                guard runLength > 0 else { throw DecodingFailure(at: headerOffset, "empty bit-packed run") }
                let wanted = min(runLength, count - decoded)
                let needed = BitPacking.byteCount(valueCount: wanted, bitWidth: bitWidth)
                let available = input.count - position
                guard needed <= available else {
                    throw DecodingFailure(
                        at: headerOffset, "bit-packed run needs \(needed) bytes but only \(available) remain")
                }
                BitPacking.unpack(
                    UnsafeRawBufferPointer(rebasing: input[position...]), count: wanted, bitWidth: bitWidth,
                    into: target)
                position += min(BitPacking.byteCount(valueCount: runLength, bitWidth: bitWidth), available)
                decoded += wanted
            } else {
                let runLength = Int(header >> 1)
                guard runLength > 0 else { throw DecodingFailure(at: headerOffset, "empty RLE run") }
                guard input.count - position >= valueByteCount else {
                    throw DecodingFailure(at: headerOffset, "input ends inside an RLE run's value")
                }
                var value: UInt64 = 0
                for byteIndex in 0..<valueByteCount {
                    value |= UInt64(input[position + byteIndex]) << UInt64(8 * byteIndex)
                }
                guard value >> UInt64(bitWidth) == 0 else {
                    throw DecodingFailure(at: headerOffset, "RLE value \(value) is wider than \(bitWidth) bits")
                }
                position += valueByteCount
                let wanted = min(runLength, count - decoded)
                target.update(repeating: Value(truncatingIfNeeded: value), count: wanted)
                decoded += wanted
            }
        }
    }
}
