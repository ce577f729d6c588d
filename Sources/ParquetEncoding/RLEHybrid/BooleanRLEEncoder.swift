/// Encoder for RLE booleans, the BOOLEAN value encoding of v2 data pages: a 4-byte
/// little-endian length, then the values in the RLE/bit-packing hybrid at bit width 1.
package enum BooleanRLEEncoder {
    /// Appends the encoding of `values` to `output`.
    package static func encode(_ values: UnsafeBufferPointer<Bool>, into output: inout [UInt8]) {
        output.appendLengthPrefixed { output in
            // A Bool is one byte holding 0 or 1.
            UnsafeRawBufferPointer(values).withMemoryRebound(to: UInt8.self) {
                RLEHybridEncoder.encode($0, bitWidth: 1, into: &output)
            }
        }
    }
}
