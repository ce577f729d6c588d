/// Encoder for DELTA_BINARY_PACKED (Encodings.md): a header (block size, miniblocks per
/// block, value count, first value as a zigzag varint), then for each block of deltas
/// the minimum delta (zigzag varint), one bit-width byte per miniblock, and the
/// miniblocks' deltas minus that minimum, bit-packed.
///
/// Deltas wrap in the width of `Value`, so INT32 columns use 32-bit arithmetic as the
/// format prescribes. Blocks hold 128 deltas in 4 miniblocks of 32, as parquet-mr and
/// Arrow write them.
package enum DeltaBinaryPackedEncoder {
    static let blockSize = 128
    static let miniblocksPerBlock = 4
    static let miniblockSize = blockSize / miniblocksPerBlock

    /// Appends the encoding of all of `values` (an INT32 column's) to `output`.
    package static func encode(_ values: UnsafeBufferPointer<Int32>, into output: inout [UInt8]) {
        encodeValues(values, into: &output)
    }

    /// Appends the encoding of all of `values` (an INT64 column's) to `output`.
    package static func encode(_ values: UnsafeBufferPointer<Int64>, into output: inout [UInt8]) {
        encodeValues(values, into: &output)
    }

    private static func encodeValues<Value: FixedWidthInteger & SignedInteger>(
        _ values: UnsafeBufferPointer<Value>, into output: inout [UInt8]
    ) {
        ULEB128.append(UInt64(blockSize), to: &output)
        ULEB128.append(UInt64(miniblocksPerBlock), to: &output)
        ULEB128.append(UInt64(values.count), to: &output)
        ULEB128.append(ZigZag.encode(Int64(values.first ?? 0)), to: &output)
        guard values.count > 1 else { return }
        withUnsafeTemporaryAllocation(of: Value.self, capacity: blockSize) { deltas in
            var writer = LSBBitWriter()
            var next = 1
            while next < values.count {
                let deltaCount = min(blockSize, values.count - next)
                var minimum = Value.max
                for index in 0..<deltaCount {
                    let delta = values[next + index] &- values[next + index - 1]
                    deltas[index] = delta
                    minimum = Swift.min(minimum, delta)
                }
                next += deltaCount
                ULEB128.append(ZigZag.encode(Int64(minimum)), to: &output)
                let widthsPosition = output.count
                output.append(contentsOf: repeatElement(0, count: miniblocksPerBlock))
                // Deltas above the minimum, as unsigned values of the same width.
                for index in 0..<deltaCount {
                    deltas[index] = deltas[index] &- minimum
                }
                let usedMiniblocks = (deltaCount + miniblockSize - 1) / miniblockSize
                for miniblock in 0..<usedMiniblocks {
                    let start = miniblock * miniblockSize
                    let end = min(start + miniblockSize, deltaCount)
                    var union: UInt64 = 0
                    for index in start..<end { union |= unsigned(deltas[index]) }
                    let bitWidth = UInt64.bitWidth - union.leadingZeroBitCount
                    output[widthsPosition + miniblock] = UInt8(bitWidth)
                    for index in start..<end {
                        writer.append(unsigned(deltas[index]), bitWidth: bitWidth, to: &output)
                    }
                    // The last miniblock is padded to its full size.
                    for _ in end..<(start + miniblockSize) {
                        writer.append(0, bitWidth: bitWidth, to: &output)
                    }
                    writer.flush(to: &output)
                }
            }
        }
    }

    @inline(__always)
    private static func unsigned<Value: FixedWidthInteger & SignedInteger>(_ value: Value) -> UInt64 {
        UInt64(truncatingIfNeeded: Value.Magnitude(truncatingIfNeeded: value))
    }
}
