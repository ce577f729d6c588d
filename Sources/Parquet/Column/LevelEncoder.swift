/// Repetition and definition levels in the RLE/bit-packing hybrid: after a 4-byte
/// little-endian length in a v1 data page, bare in a v2 data page (whose header holds
/// the length).
enum LevelEncoder {
    /// A page's levels: stored one per slot, or, for a page without nulls, `count`
    /// copies of one level that were never stored.
    enum Levels {
        case stored(PageBuffer<UInt8>)
        case run(level: UInt8, count: Int)
    }

    static func append(_ levels: Levels, maxLevel: Int, lengthPrefixed: Bool, to output: inout [UInt8]) {
        let lengthPosition = output.count
        if lengthPrefixed { output.append(contentsOf: [0, 0, 0, 0]) }
        switch levels {
        case .stored(let buffer) where maxLevel == 1:
            buffer.withUnsafeBufferPointer { SingleBitHybridEncoder.encode($0, into: &output) }
        case .stored(let buffer):
            buffer.withUnsafeBufferPointer {
                RLEHybridEncoder.encode($0, bitWidth: bitWidth(of: maxLevel), into: &output)
            }
        case .run(let level, let count):
            RLEHybridEncoder.appendRepeated(level, count: count, bitWidth: bitWidth(of: maxLevel), into: &output)
        }
        guard lengthPrefixed else { return }
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
