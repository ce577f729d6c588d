/// The RLE/bit-packing hybrid for levels of bit width 1 (the definition levels of a
/// flat OPTIONAL column, the repetition levels of a one-level list), eight levels at
/// a time.
///
/// Eight one-byte levels load as one word: all ones or all zeros is a uniform group;
/// the rest is bit-packed as PLAIN booleans are. Two or more uniform groups
/// in a row become an RLE run; everything else is bit-packed, the last group padded
/// with zeros. Runs that do not start on a multiple of eight stay bit-packed, which
/// costs a little size and keeps the work per level to a few instructions.
package enum SingleBitHybridEncoder {
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Appends the hybrid encoding of `levels`, each 0 or 1, to `output`.
    package static func encode(_ levels: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard let base = levels.baseAddress, !levels.isEmpty else { return }
        let raw = UnsafeRawPointer(base)
        let fullGroups = levels.count / 8
        func group(_ index: Int) -> UInt64 {
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
        }
        var literalStart = 0
        var index = 0
        while index < fullGroups {
            let word = group(index)
            guard word == 0 || word == ones else {
                index += 1
                continue
            }
            var end = index + 1
            while end < fullGroups && group(end) == word { end += 1 }
            if end - index >= 2 {
                appendPacked(base, groups: literalStart..<index, levelCount: levels.count, into: &output)
                RLEHybridEncoder.appendRepeated(UInt8(word & 1), count: (end - index) * 8, bitWidth: 1, into: &output)
                literalStart = end
            }
            index = end
        }
        // The partial last group, if any, is bit-packed with the literals before it.
        let groupCount = (levels.count + 7) / 8
        appendPacked(base, groups: literalStart..<groupCount, levelCount: levels.count, into: &output)
    }

    /// Appends one bit-packed run of the given groups of eight levels; levels past
    /// `levelCount` in the last group are zero.
    private static func appendPacked(
        _ levels: UnsafePointer<UInt8>, groups: Range<Int>, levelCount: Int, into output: inout [UInt8]
    ) {
        guard !groups.isEmpty else { return }
        output.appendUninitialized(upTo: ULEB128.maximumUInt32ByteCount) { buffer in
            ULEB128.write(UInt32(groups.count) << 1 | 1, to: buffer.baseAddress!)
        }
        // Levels of 0 and 1 are laid out as Bools, and bit-pack as PLAIN booleans do.
        let start = groups.lowerBound * 8
        let count = min(levelCount, groups.upperBound * 8) - start
        (levels + start).withMemoryRebound(to: Bool.self, capacity: count) {
            PlainEncoder.appendBooleans(UnsafeBufferPointer(start: $0, count: count), into: &output)
        }
    }
}
