/// Encoder for the RLE/bit-packing hybrid (Encodings.md, "Run Length Encoding /
/// Bit-Packing Hybrid"), used for definition and repetition levels and dictionary indices.
///
/// Runs of at least ``minimumRepeatedRunLength`` equal values become RLE runs
/// (`varint(count << 1)` followed by the value in `ceil(bitWidth / 8)` little-endian bytes).
/// Everything in between is bit-packed in groups of 8 (`varint(groups << 1 | 1)` followed by
/// the packed bytes); only the final group of the input is ever padded, with zeros, because
/// a literal stretch that ends before a repeated run borrows values from that run to fill its
/// last group.
///
/// The whole input is encoded in one call, so each literal stretch gets one header however
/// long it is. No length prefix is written; data page v1 levels need the caller to add the
/// 4-byte length.
package enum RLEHybridEncoder {
    /// Shortest run written as an RLE run, as parquet-mr and Arrow also choose: eight values
    /// bit-packed cost `bitWidth` bytes, as a run `1 + ceil(bitWidth / 8)` bytes plus the
    /// header of the literal stretch that follows. The block scan in
    /// `startOfNextRepeatedRun` is written for exactly this length.
    static let minimumRepeatedRunLength = 8

    /// The spec caps every run at 2^31 - 1 values; longer stretches are split.
    static let maximumRunLength = Int(Int32.max)

    /// Longest bit-packed run in values: a whole number of groups within ``maximumRunLength``.
    private static let maximumBitPackedRunLength = maximumRunLength / 8 * 8

    /// Appends the hybrid encoding of `values` at `bitWidth` (0...8) to `output`.
    package static func encode(_ values: UnsafeBufferPointer<UInt8>, bitWidth: Int, into output: inout [UInt8]) {
        precondition((0...UInt8.bitWidth).contains(bitWidth), "bit width \(bitWidth) does not fit UInt8 values")
        encodeValues(values, bitWidth: bitWidth, into: &output)
    }

    /// Appends the hybrid encoding of `values` at `bitWidth` (0...32) to `output`.
    package static func encode(_ values: UnsafeBufferPointer<UInt32>, bitWidth: Int, into output: inout [UInt8]) {
        precondition((0...BitPacking.maximumBitWidth).contains(bitWidth), "bit width \(bitWidth) is outside 0...32")
        encodeValues(values, bitWidth: bitWidth, into: &output)
    }

    @inline(__always)
    private static func encodeValues<Value: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<Value>,
        bitWidth: Int,
        into output: inout [UInt8]
    ) {
        guard let base = values.baseAddress else { return }
        let count = values.count
        var literalStart = 0
        var position = 0
        while position < count {
            let runStart = startOfNextRepeatedRun(in: base, from: position, count: count)
            if runStart == count { break }
            let value = base[runStart]
            let runEnd = endOfRun(of: value, in: base, from: runStart + minimumRepeatedRunLength, count: count)
            let literalCount = runStart - literalStart
            let borrowed = (8 - literalCount % 8) % 8
            if runEnd - runStart - borrowed >= minimumRepeatedRunLength {
                if literalCount + borrowed > 0 {
                    appendBitPacked(
                        base + literalStart, count: literalCount + borrowed, bitWidth: bitWidth, into: &output)
                }
                appendRepeatedValue(value, count: runEnd - runStart - borrowed, bitWidth: bitWidth, into: &output)
                literalStart = runEnd
            }
            position = runEnd
        }
        if literalStart < count {
            appendBitPacked(base + literalStart, count: count - literalStart, bitWidth: bitWidth, into: &output)
        }
    }

    /// The first index `i >= start` where `values[i ..< i + 8]` are all equal, or `count`.
    @inline(__always)
    private static func startOfNextRepeatedRun<Value: FixedWidthInteger & UnsignedInteger>(
        in base: UnsafePointer<Value>,
        from start: Int,
        count: Int
    ) -> Int {
        // Mixed data has many short runs, whose ends a value-by-value scan mispredicts. So
        // compare 64 neighbour pairs at a time without branches: bit k of `equalPairs` says
        // values[index + k] == values[index + k + 1], and eight equal values starting at k
        // are the seven set bits k...k + 6.
        var index = start
        while count - index > 64 {
            var equalPairs: UInt64 = 0
            for offset in 0..<64 {
                equalPairs |= UInt64(base[index + offset] == base[index + offset + 1] ? 1 : 0) &<< UInt64(offset)
            }
            let twoPairs = equalPairs & (equalPairs >> 1)
            let fourPairs = twoPairs & (twoPairs >> 2)
            let sevenPairs = fourPairs & (fourPairs >> 3)
            // A run starting at bit 58 or later needs pairs from the next block.
            let runStarts = sevenPairs & (UInt64.max >> 6)
            if runStarts != 0 {
                return index + runStarts.trailingZeroBitCount
            }
            index += 58
        }
        while index < count {
            let value = base[index]
            var end = index + 1
            while end < count && end - index < minimumRepeatedRunLength && base[end] == value {
                end += 1
            }
            if end - index == minimumRepeatedRunLength {
                return index
            }
            index = end
        }
        return count
    }

    /// Index of the first value at or after `start` that differs from `value`, or `count`.
    @inline(__always)
    private static func endOfRun<Value: FixedWidthInteger & UnsignedInteger>(
        of value: Value,
        in base: UnsafePointer<Value>,
        from start: Int,
        count: Int
    ) -> Int {
        // OR-ing differences over a fixed block has no early exit, so it vectorises; the
        // scalar loop then finds the exact end inside the first block that differs.
        let blockLength = 32
        var index = start
        while count - index >= blockLength {
            var difference: Value = 0
            for offset in 0..<blockLength {
                difference |= base[index + offset] ^ value
            }
            if difference != 0 { break }
            index += blockLength
        }
        while index < count && base[index] == value {
            index += 1
        }
        return index
    }

    /// Appends one or more RLE runs repeating the level `value` `count` times, for a page
    /// whose levels were never stored because they are all the same.
    package static func appendRepeated(_ value: UInt8, count: Int, bitWidth: Int, into output: inout [UInt8]) {
        appendRepeatedValue(value, count: count, bitWidth: bitWidth, into: &output)
    }

    /// Appends one or more RLE runs repeating `value` `count` times.
    @inline(__always)
    static func appendRepeatedValue<Value: FixedWidthInteger & UnsignedInteger>(
        _ value: Value,
        count: Int,
        bitWidth: Int,
        into output: inout [UInt8]
    ) {
        let valueByteCount = (bitWidth + 7) / 8
        // Masked like bit-packed values, so an out-of-range value cannot break the layout.
        let valueBits =
            UInt32(truncatingIfNeeded: value) & UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(bitWidth)) &- 1)
        var remaining = count
        while remaining > 0 {
            let runLength = min(remaining, maximumRunLength)
            output.appendUninitialized(upTo: ULEB128.maximumUInt32ByteCount + valueByteCount) { buffer in
                let destination = buffer.baseAddress!
                var written = ULEB128.write(UInt32(runLength) << 1, to: destination)
                for byteIndex in 0..<valueByteCount {
                    destination[written] = UInt8(truncatingIfNeeded: valueBits >> (8 * UInt32(byteIndex)))
                    written += 1
                }
                return written
            }
            remaining -= runLength
        }
    }

    /// Appends `count` values as bit-packed runs; a partial last group is zero-padded.
    @inline(__always)
    private static func appendBitPacked<Value: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafePointer<Value>,
        count: Int,
        bitWidth: Int,
        into output: inout [UInt8]
    ) {
        var start = 0
        while start < count {
            let runLength = min(count - start, maximumBitPackedRunLength)
            let groupCount = (runLength + 7) / 8
            let fullGroupValues = runLength / 8 * 8
            let packedByteCount = groupCount * bitWidth
            output.appendUninitialized(upTo: ULEB128.maximumUInt32ByteCount + packedByteCount) { buffer in
                let destination = buffer.baseAddress!
                let headerByteCount = ULEB128.write(UInt32(groupCount) << 1 | 1, to: destination)
                let packed = UnsafeMutableRawPointer(destination + headerByteCount)
                BitPacking.pack(values + start, count: fullGroupValues, bitWidth: bitWidth, into: packed)
                if fullGroupValues < runLength {
                    appendPaddedGroup(
                        values + start + fullGroupValues, count: runLength - fullGroupValues,
                        bitWidth: bitWidth, into: packed + fullGroupValues / 8 * bitWidth)
                }
                return headerByteCount + packedByteCount
            }
            start += runLength
        }
    }

    /// Packs the last 1...7 values as a full group of 8, padded with zero values.
    private static func appendPaddedGroup<Value: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafePointer<Value>,
        count: Int,
        bitWidth: Int,
        into destination: UnsafeMutableRawPointer
    ) {
        withUnsafeTemporaryAllocation(of: Value.self, capacity: 8) { group in
            group.initialize(repeating: 0)
            for index in 0..<count {
                group[index] = values[index]
            }
            BitPacking.pack(group.baseAddress!, count: 8, bitWidth: bitWidth, into: destination)
        }
    }
}
