/// Decoder for DELTA_BINARY_PACKED: a header, then blocks of bit-packed miniblocks of
/// deltas from a per-block minimum. Also the length streams of the DELTA_*_BYTE_ARRAY
/// encodings.
package enum DeltaBinaryPackedDecoder {
    /// A block larger than this is taken to be corrupt.
    private static let maximumBlockSize = 1 << 16

    /// Decodes exactly `count` values starting at the start of `input`, appends them to
    /// `output`, and returns the number of bytes consumed.
    ///
    /// Arithmetic wraps in 64 bits and the result is truncated to 32 bits, which gives the
    /// wrapping the format prescribes for INT32.
    package static func decode(
        _ input: UnsafeRawBufferPointer, count: Int, into output: inout [Int32]
    ) throws(DecodingFailure) -> Int {
        try decodeValues(input, count: count, into: &output)
    }

    /// Decodes exactly `count` values of an INT64 column, as the `Int32` form does.
    package static func decode(
        _ input: UnsafeRawBufferPointer, count: Int, into output: inout [Int64]
    ) throws(DecodingFailure) -> Int {
        try decodeValues(input, count: count, into: &output)
    }

    private static func decodeValues<Value: FixedWidthInteger & BitwiseCopyable>(
        _ input: UnsafeRawBufferPointer, count: Int, into output: inout [Value]
    ) throws(DecodingFailure) -> Int {
        var position = 0
        let blockSize = try ULEB128.read(input, at: &position)
        let miniblockCount = try ULEB128.read(input, at: &position)
        guard blockSize > 0, blockSize <= maximumBlockSize, blockSize % 128 == 0 else {
            throw DecodingFailure(
                at: 0, "block size \(blockSize) is not a multiple of 128 in 128...\(maximumBlockSize)")
        }
        guard miniblockCount > 0, blockSize % miniblockCount == 0, (blockSize / miniblockCount) % 8 == 0 else {
            throw DecodingFailure(
                at: 0, "\(miniblockCount) miniblocks do not divide a block of \(blockSize) into multiples of 8")
        }
        let totalCount = try ULEB128.read(input, at: &position)
        guard totalCount == UInt64(count) else {
            throw DecodingFailure(at: 0, "header holds \(totalCount) values where \(count) were expected")
        }
        var last = UInt64(bitPattern: ZigZag.decode(try ULEB128.read(input, at: &position)))
        guard count > 0 else { return position }
        let miniblocks = Int(miniblockCount)
        let valuesPerMiniblock = Int(blockSize) / miniblocks
        var deltas = [UInt64](repeating: 0, count: valuesPerMiniblock)
        try output.appendUninitialized(count: count) { (target) throws(DecodingFailure) in
            target[0] = Value(truncatingIfNeeded: last)
            var produced = 1
            while produced < count {
                let blockOffset = position
                let minimumDelta = UInt64(bitPattern: ZigZag.decode(try ULEB128.read(input, at: &position)))
                guard input.count - position >= miniblocks else {
                    throw DecodingFailure(at: blockOffset, "input ends inside a block's bit widths")
                }
                let widthsOffset = position
                position += miniblocks
                for miniblock in 0..<miniblocks where produced < count {
                    let bitWidth = Int(input[widthsOffset + miniblock])
                    guard bitWidth <= 64 else {
                        throw DecodingFailure(
                            at: widthsOffset + miniblock, "miniblock bit width \(bitWidth) exceeds 64")
                    }
                    let wanted = min(valuesPerMiniblock, count - produced)
                    let needed = BitPacking.byteCount(valueCount: wanted, bitWidth: bitWidth)
                    let available = input.count - position
                    guard needed <= available else {
                        throw DecodingFailure(
                            at: position, "miniblock needs \(needed) bytes but only \(available) remain")
                    }
                    deltas.withUnsafeMutableBufferPointer { buffer in
                        BitPacking.unpack(
                            UnsafeRawBufferPointer(rebasing: input[position...]), count: wanted, bitWidth: bitWidth,
                            into: buffer.baseAddress!)
                        for index in 0..<wanted {
                            last = last &+ minimumDelta &+ buffer[index]
                            target[produced + index] = Value(truncatingIfNeeded: last)
                        }
                    }
                    // A full miniblock is padded to its whole size; tolerate writers that stop early.
                    position += min(
                        BitPacking.byteCount(valueCount: valuesPerMiniblock, bitWidth: bitWidth), available)
                    produced += wanted
                }
            }
        }
        return position
    }
}
