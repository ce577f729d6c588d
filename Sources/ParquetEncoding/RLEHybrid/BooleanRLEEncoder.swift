/// Encoder for RLE booleans, the BOOLEAN value encoding of v2 data pages: a 4-byte
/// little-endian length, then the values in the RLE/bit-packing hybrid at bit width 1.
enum BooleanRLEEncoder {
    static func encode(_ values: UnsafeBufferPointer<Bool>, into output: inout [UInt8]) {
        let lengthPosition = output.count
        output.append(contentsOf: [0, 0, 0, 0])
        // A Bool is one byte holding 0 or 1.
        UnsafeRawBufferPointer(values).withMemoryRebound(to: UInt8.self) {
            RLEHybridEncoder.encode($0, bitWidth: 1, into: &output)
        }
        let length = UInt32(output.count - lengthPosition - 4)
        withUnsafeBytes(of: length.littleEndian) { lengthBytes in
            for index in 0..<4 { output[lengthPosition + index] = lengthBytes[index] }
        }
    }
}
