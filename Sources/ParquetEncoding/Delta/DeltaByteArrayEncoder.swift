/// Encoder for DELTA_BYTE_ARRAY (front coding): for each value, the length of the
/// prefix it shares with the previous value, then the rest as DELTA_LENGTH_BYTE_ARRAY.
/// Both length streams are DELTA_BINARY_PACKED; the first value of each page has no
/// predecessor, so each page decodes on its own.
package enum DeltaByteArrayEncoder {
    /// Appends the encoding of the values stored back to back in `storage`, value `i`
    /// ending at `endOffsets[i]` (offsets into `storage`, the first value starting at 0).
    package static func encode(
        _ storage: UnsafeRawBufferPointer, endOffsets: UnsafeBufferPointer<Int>, into output: inout [UInt8]
    ) {
        var prefixLengths: [Int32] = []
        var suffixLengths: [Int32] = []
        prefixLengths.reserveCapacity(endOffsets.count)
        suffixLengths.reserveCapacity(endOffsets.count)
        var previousStart = 0
        var previousEnd = 0
        var start = 0
        for end in endOffsets {
            let limit = min(end - start, previousEnd - previousStart)
            var shared = 0
            while shared < limit, storage[start + shared] == storage[previousStart + shared] { shared += 1 }
            prefixLengths.append(Int32(shared))
            suffixLengths.append(Int32(end - start - shared))
            previousStart = start
            previousEnd = end
            start = end
        }
        prefixLengths.withUnsafeBufferPointer { DeltaBinaryPackedEncoder.encode($0, into: &output) }
        suffixLengths.withUnsafeBufferPointer { DeltaBinaryPackedEncoder.encode($0, into: &output) }
        start = 0
        for (index, end) in endOffsets.enumerated() {
            let suffixStart = start + Int(prefixLengths[index])
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: storage[suffixStart..<end]))
            start = end
        }
    }

    /// Appends the encoding of `count` values of `length` bytes each, back to back in `storage`.
    package static func encode(
        fixedLengthValues storage: UnsafeRawBufferPointer, length: Int, into output: inout [UInt8]
    ) {
        let count = length == 0 ? 0 : storage.count / length
        let ends = (0..<count).map { ($0 + 1) * length }
        ends.withUnsafeBufferPointer { encode(storage, endOffsets: $0, into: &output) }
    }
}
