/// Encoder for BYTE_STREAM_SPLIT: for values of `width` bytes, stream `k` holds byte
/// `k` of every value, and the `width` streams follow each other. Floating-point
/// exponents then sit together, which compresses better.
package enum ByteStreamSplitEncoder {
    /// Appends the encoding of the values of `width` bytes stored back to back in `storage`.
    package static func encode(_ storage: UnsafeRawBufferPointer, width: Int, into output: inout [UInt8]) {
        guard width > 0, !storage.isEmpty else { return }
        let count = storage.count / width
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: count * width))
        output.withUnsafeMutableBufferPointer { destination in
            let base = destination.baseAddress! + start
            for stream in 0..<width {
                let streamBase = base + stream * count
                for index in 0..<count {
                    streamBase[index] = storage[index * width + stream]
                }
            }
        }
    }
}
