/// Repetition and definition levels of a v1 data page: a 4-byte little-endian
/// length, then the levels in the RLE/bit-packing hybrid.
enum LevelEncoder {
    static func appendLengthPrefixed(_ levels: PageBuffer<UInt8>, maxLevel: Int, to output: inout [UInt8]) {
        let lengthPosition = output.count
        output.append(contentsOf: [0, 0, 0, 0])
        levels.withUnsafeBufferPointer {
            RLEHybridEncoder.encode($0, bitWidth: bitWidth(of: maxLevel), into: &output)
        }
        let length = UInt32(output.count - lengthPosition - 4)
        withUnsafeBytes(of: length.littleEndian) { lengthBytes in
            for index in 0..<4 { output[lengthPosition + index] = lengthBytes[index] }
        }
    }

    /// Appends `count` copies of `level` as one length-prefixed run.
    static func appendLengthPrefixedRun(of level: UInt8, count: Int, maxLevel: Int, to output: inout [UInt8]) {
        let lengthPosition = output.count
        output.append(contentsOf: [0, 0, 0, 0])
        RLEHybridEncoder.appendRepeated(level, count: count, bitWidth: bitWidth(of: maxLevel), into: &output)
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
