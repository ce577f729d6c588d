import CLZ4
import ParquetFormat

/// Decoding of a single raw LZ4 block, shared by `LZ4_RAW` and the Hadoop-framed `LZ4`.
enum LZ4Block {
    /// Decompresses one block into `destination`, which bounds the output, and returns the
    /// number of bytes written. `LZ4_decompress_safe` never reads or writes out of bounds.
    static func decompress(
        _ block: UnsafeRawBufferPointer,
        into destination: UnsafeMutableBufferPointer<UInt8>,
        codec: CompressionCodec
    ) throws(CompressionError) -> Int {
        guard block.count <= Int(Int32.max), destination.count <= Int(Int32.max) else {
            throw CompressionError(codec: codec, operation: .decompression, reason: "LZ4 block larger than 2 GiB")
        }
        let written = LZ4_decompress_safe(
            block.baseAddress?.assumingMemoryBound(to: CChar.self),
            UnsafeMutableRawPointer(destination.baseAddress!).assumingMemoryBound(to: CChar.self),
            Int32(block.count), Int32(destination.count))
        guard written >= 0 else {
            throw CompressionError(
                codec: codec, operation: .decompression,
                reason: "corrupt LZ4 block, or it expands beyond \(destination.count) bytes")
        }
        return Int(written)
    }
}
