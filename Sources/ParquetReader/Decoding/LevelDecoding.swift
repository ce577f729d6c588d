import ParquetEncoding
import ParquetFormat

/// Decoding of repetition and definition levels, checked against the column's maximum
/// level so that record assembly can rely on them.
enum LevelDecoding {
    /// Decodes the levels of a version 1 data page starting at `offset`, which it advances
    /// past them: RLE data behind a 4-byte length, or the deprecated BIT_PACKED form.
    static func decodeVersion1(
        _ page: UnsafeRawBufferPointer, at offset: inout Int, encoding: Encoding,
        maxLevel: Int, count: Int, into output: inout [UInt8]
    ) throws(DecodingFailure) {
        let bitWidth = BitPacking.bitWidth(forMaximumValue: UInt64(maxLevel))
        switch encoding {
        case .rle:
            guard page.count - offset >= 4 else {
                throw DecodingFailure(at: offset, "input ends inside the 4-byte length of the levels")
            }
            let length = Int(page.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian)
            guard length <= page.count - offset - 4 else {
                throw DecodingFailure(at: offset, "levels of \(length) bytes overrun the page")
            }
            let start = offset + 4
            try decodeRLE(
                UnsafeRawBufferPointer(rebasing: page[start..<(start + length)]), base: start,
                maxLevel: maxLevel, count: count, into: &output)
            offset = start + length
        case .bitPacked:
            let length = BitPacking.byteCount(valueCount: count, bitWidth: bitWidth)
            guard length <= page.count - offset else {
                throw DecodingFailure(at: offset, "bit-packed levels of \(length) bytes overrun the page")
            }
            let bytes = UnsafeRawBufferPointer(rebasing: page[offset..<(offset + length)])
            output.appendUninitialized(count: count) { pointer in
                BitPacking.unpackMostSignificantFirst(bytes, count: count, bitWidth: bitWidth, into: pointer)
            }
            try checkMaximum(output, last: count, maxLevel: maxLevel, at: offset)
            offset += length
        default:
            throw DecodingFailure(at: offset, "unsupported level encoding \(encoding)")
        }
    }

    /// Decodes RLE levels that fill `bytes` (a version 2 page's level section, or the body
    /// of a version 1 RLE section). `base` is the section's offset, for error positions.
    static func decodeRLE(
        _ bytes: UnsafeRawBufferPointer, base: Int, maxLevel: Int, count: Int, into output: inout [UInt8]
    ) throws(DecodingFailure) {
        do {
            var decoder = try RLEHybridDecoder(bytes, bitWidth: BitPacking.bitWidth(forMaximumValue: UInt64(maxLevel)))
            try output.appendUninitialized(count: count) { (pointer) throws(DecodingFailure) in
                try decoder.decode(count: count, into: pointer)
            }
        } catch {
            throw DecodingFailure(at: base + error.offset, "levels: \(error.message)")
        }
        try checkMaximum(output, last: count, maxLevel: maxLevel, at: base)
    }

    /// Rejects levels above the maximum, which bit widths that are not a power of two allow.
    private static func checkMaximum(_ levels: [UInt8], last count: Int, maxLevel: Int, at offset: Int)
        throws(DecodingFailure)
    {
        let limit = UInt8(maxLevel)
        var highest: UInt8 = 0
        for level in levels[(levels.count - count)...] {
            highest = max(highest, level)
        }
        guard highest <= limit else {
            throw DecodingFailure(at: offset, "level \(highest) exceeds the column's maximum \(maxLevel)")
        }
    }
}
