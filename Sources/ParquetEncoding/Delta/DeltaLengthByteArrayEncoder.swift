/// Encoder for DELTA_LENGTH_BYTE_ARRAY: every value's length, DELTA_BINARY_PACKED,
/// then all the values' bytes back to back.
package enum DeltaLengthByteArrayEncoder {
    /// Appends the encoding of the values stored back to back in `storage`, value `i`
    /// ending at `endOffsets[i]` (offsets into `storage`, the first value starting at 0).
    package static func encode(
        _ storage: UnsafeRawBufferPointer, endOffsets: UnsafeBufferPointer<Int>, into output: inout [UInt8]
    ) {
        var lengths: [Int32] = []
        lengths.reserveCapacity(endOffsets.count)
        var start = 0
        for end in endOffsets {
            lengths.append(Int32(end - start))
            start = end
        }
        lengths.withUnsafeBufferPointer { DeltaBinaryPackedEncoder.encode($0, into: &output) }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: storage[0..<start]))
    }
}
