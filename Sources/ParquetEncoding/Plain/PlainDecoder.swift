/// Reads the PLAIN encoding that ``PlainEncoder`` writes. Every length and count is
/// checked against the input before anything is allocated, so a corrupt count throws.
package enum PlainDecoder {
    /// Appends `count` booleans bit-packed eight to a byte, least significant bit first.
    package static func appendBooleans(
        _ input: UnsafeRawBufferPointer, count: Int, to output: inout [Bool]
    ) throws(DecodingFailure) {
        let byteCount = BitPacking.byteCount(valueCount: count, bitWidth: 1)
        guard input.count >= byteCount else {
            throw DecodingFailure(
                at: 0, "\(count) PLAIN booleans need \(byteCount) bytes but the page holds \(input.count)")
        }
        output.appendUninitialized(count: count) { target in
            for index in 0..<count {
                target[index] = (input[index >> 3] >> UInt8(index & 7)) & 1 == 1
            }
        }
    }

    /// The bytes of `count` fixed-width values of `width` bytes each, stored back to back
    /// at the start of `input`: little-endian numbers for INT32, INT64, INT96, FLOAT and
    /// DOUBLE, which a little-endian host can copy as they are.
    package static func fixedWidthValues(
        _ input: UnsafeRawBufferPointer, count: Int, width: Int
    ) throws(DecodingFailure) -> UnsafeRawBufferPointer {
        let byteCount = count * width
        guard input.count >= byteCount else {
            throw DecodingFailure(
                at: 0,
                "\(count) PLAIN values of \(width) bytes need \(byteCount) bytes but the page holds \(input.count)")
        }
        return UnsafeRawBufferPointer(rebasing: input[0..<byteCount])
    }

    /// Calls `body` with each of `count` BYTE_ARRAY values, each stored as a 4-byte
    /// little-endian length and its bytes.
    @inlinable
    package static func forEachByteArray(
        _ input: UnsafeRawBufferPointer, count: Int, _ body: (UnsafeRawBufferPointer) -> Void
    ) throws(DecodingFailure) {
        var position = 0
        for index in 0..<count {
            guard input.count - position >= 4 else {
                throw DecodingFailure(at: position, "input ends before the length of PLAIN value \(index) of \(count)")
            }
            let length = Int(input.loadUnaligned(fromByteOffset: position, as: UInt32.self).littleEndian)
            position += 4
            guard length <= input.count - position else {
                throw DecodingFailure(at: position - 4, "PLAIN value \(index) of \(length) bytes overruns the page")
            }
            body(UnsafeRawBufferPointer(rebasing: input[position..<(position + length)]))
            position += length
        }
    }
}
