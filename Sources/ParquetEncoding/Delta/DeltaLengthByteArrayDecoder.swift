/// Decoder for DELTA_LENGTH_BYTE_ARRAY: every length (DELTA_BINARY_PACKED), then every
/// value's bytes back to back.
package enum DeltaLengthByteArrayDecoder {
    /// Decodes `count` lengths and checks them; returns them with the offset where the
    /// value bytes start and their total size.
    package static func lengths(
        _ input: UnsafeRawBufferPointer, count: Int
    ) throws(DecodingFailure) -> (lengths: [Int32], dataOffset: Int, dataSize: Int) {
        var lengths: [Int32] = []
        let dataOffset = try DeltaBinaryPackedDecoder.decode(input, count: count, into: &lengths)
        var total = 0
        for length in lengths {
            guard length >= 0 else { throw DecodingFailure(at: 0, "negative value length \(length)") }
            total += Int(length)
        }
        guard total <= input.count - dataOffset else {
            throw DecodingFailure(
                at: dataOffset, "values need \(total) bytes but only \(input.count - dataOffset) remain")
        }
        return (lengths, dataOffset, total)
    }
}
