/// Decoding of the deprecated `LZ4` codec: LZ4 blocks in the framing of Hadoop's
/// `BlockCompressorStream`, which parquet-mr copied.
///
/// Compression.md calls this framing undocumented. As written by Hadoop and parquet-mr it is
/// a sequence of frames, each a big-endian `UInt32` decompressed size, a big-endian `UInt32`
/// compressed size, and then that many bytes forming one raw LZ4 block.
///
/// Early parquet-cpp versions wrote a bare LZ4 block under the same codec. When the input
/// does not parse as frames that exactly fill the declared size, it is decoded as one bare
/// block instead, which is also what Arrow C++ does for such files.
enum HadoopLZ4Frames {
    private static let frameHeaderSize = 8

    /// Decompresses `input` into `destination`, whose count is the declared uncompressed
    /// size, and returns that count.
    static func decompress(
        _ input: UnsafeRawBufferPointer,
        into destination: UnsafeMutableBufferPointer<UInt8>
    ) throws(CompressionError) -> Int {
        if let written = decompressFrames(input, into: destination), written == destination.count {
            return written
        }
        let written = try LZ4Block.decompress(input, into: destination, codec: .lz4)
        guard written == destination.count else {
            throw sizeMismatch(.lz4, actual: written, declared: destination.count)
        }
        return written
    }

    /// Returns the bytes written, or `nil` when `input` is not a well-formed frame sequence.
    private static func decompressFrames(
        _ input: UnsafeRawBufferPointer,
        into destination: UnsafeMutableBufferPointer<UInt8>
    ) -> Int? {
        var inputOffset = 0
        var outputOffset = 0
        while inputOffset < input.count {
            guard input.count - inputOffset >= frameHeaderSize else { return nil }
            let decompressedSize = Int(readBigEndianUInt32(input, at: inputOffset))
            let compressedSize = Int(readBigEndianUInt32(input, at: inputOffset + 4))
            inputOffset += frameHeaderSize
            guard compressedSize <= input.count - inputOffset,
                decompressedSize <= destination.count - outputOffset
            else { return nil }
            let block = UnsafeRawBufferPointer(rebasing: input[inputOffset..<(inputOffset + compressedSize)])
            let target = UnsafeMutableBufferPointer(
                rebasing: destination[outputOffset..<(outputOffset + decompressedSize)])
            guard let written = try? LZ4Block.decompress(block, into: target, codec: .lz4),
                written == decompressedSize
            else { return nil }
            inputOffset += compressedSize
            outputOffset += decompressedSize
        }
        return outputOffset
    }

    @inline(__always)
    private static func readBigEndianUInt32(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }
}
