import ParquetEncoding

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
        if lengthPrefixed {
            output.appendLengthPrefixed { append(levels, maxLevel: maxLevel, lengthPrefixed: false, to: &$0) }
            return
        }
        let bitWidth = BitPacking.bitWidth(forMaximumValue: UInt64(maxLevel))
        switch levels {
        case .stored(let buffer) where maxLevel == 1:
            buffer.withUnsafeBufferPointer { SingleBitHybridEncoder.encode($0, into: &output) }
        case .stored(let buffer):
            buffer.withUnsafeBufferPointer {
                RLEHybridEncoder.encode($0, bitWidth: bitWidth, into: &output)
            }
        case .run(let level, let count):
            RLEHybridEncoder.appendRepeated(level, count: count, bitWidth: bitWidth, into: &output)
        }
    }
}
