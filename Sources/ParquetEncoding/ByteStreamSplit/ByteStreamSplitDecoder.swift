/// Decoder for BYTE_STREAM_SPLIT: byte `k` of every value is stored in stream `k`, and
/// the streams follow each other.
package enum ByteStreamSplitDecoder {
    /// Interleaves `count` values of `width` bytes from `input` (which must hold exactly
    /// `count * width` bytes, the spec leaving no room for padding) into `output`.
    package static func decode(
        _ input: UnsafeRawBufferPointer, count: Int, width: Int, into output: UnsafeMutableRawPointer
    ) throws(DecodingFailure) {
        guard input.count == count * width else {
            throw DecodingFailure(at: 0, "\(input.count) bytes do not hold \(count) values of \(width) bytes")
        }
        guard count > 0, width > 0 else { return }
        let source = input.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let destination = output.assumingMemoryBound(to: UInt8.self)
        for stream in 0..<width {
            let streamStart = source + stream * count
            for index in 0..<count {
                destination[index * width + stream] = streamStart[index]
            }
        }
    }
}
