/// Repetition and definition levels in the RLE/bit-packing hybrid: after a 4-byte
/// little-endian length in a v1 data page, bare in a v2 data page (whose header holds
/// the length).
enum LevelEncoder {
    static func append(_ levels: PageBuffer<UInt8>, maxLevel: Int, to output: inout [UInt8]) {
        levels.withUnsafeBufferPointer {
            RLEHybridEncoder.encode($0, bitWidth: bitWidth(of: maxLevel), into: &output)
        }
    }

    static func appendLengthPrefixed(_ levels: PageBuffer<UInt8>, maxLevel: Int, to output: inout [UInt8]) {
        let lengthPosition = output.count
        output.append(contentsOf: [0, 0, 0, 0])
        append(levels, maxLevel: maxLevel, to: &output)
        let length = UInt32(output.count - lengthPosition - 4)
        withUnsafeBytes(of: length.littleEndian) { lengthBytes in
            for index in 0..<4 { output[lengthPosition + index] = lengthBytes[index] }
        }
    }

    /// Bits needed to store values up to `maxLevel`.
    static func bitWidth(of maxLevel: Int) -> Int {
        maxLevel == 0 ? 0 : Int.bitWidth - maxLevel.leadingZeroBitCount
    }
}
