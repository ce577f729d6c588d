/// Decoder for RLE booleans, the inverse of ``BooleanRLEEncoder``.
package enum BooleanRLEDecoder {
    /// Decodes `count` booleans from `input`, which starts with their 4-byte length, into
    /// `output`.
    package static func decode(
        _ input: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutablePointer<Bool>
    ) throws(DecodingFailure) {
        guard count > 0 else { return }
        guard input.count >= 4 else { throw DecodingFailure(at: 0, "missing the 4-byte length of RLE booleans") }
        let length = Int(input.loadUnaligned(as: UInt32.self).littleEndian)
        guard length <= input.count - 4 else {
            throw DecodingFailure(at: 0, "RLE booleans of \(length) bytes overrun the page")
        }
        var decoder = try RLEHybridDecoder(UnsafeRawBufferPointer(rebasing: input[4..<(4 + length)]), bitWidth: 1)
        do {
            // Values of bit width 1 are 0 or 1, which is how a Bool is laid out.
            try output.withMemoryRebound(to: UInt8.self, capacity: count) { (bytes) throws(DecodingFailure) in
                try decoder.decode(count: count, into: bytes)
            }
        } catch {
            throw DecodingFailure(at: 4 + error.offset, "RLE booleans: \(error.message)")
        }
    }
}
