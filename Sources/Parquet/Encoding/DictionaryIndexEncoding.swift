extension RLEHybridEncoder {
    /// Appends the body of an `RLE_DICTIONARY` data page's values: one byte holding the bit
    /// width of the indices (the bits needed for `dictionarySize - 1`, so 0 for a dictionary
    /// of one entry), then the indices in the RLE/bit-packing hybrid at that width, without a
    /// length prefix (Encodings.md, "Dictionary Encoding").
    static func encodeDictionaryIndices(
        _ indices: UnsafeBufferPointer<UInt32>,
        dictionarySize: Int,
        into output: inout [UInt8]
    ) {
        let bitWidth = BitPacking.bitWidth(forMaximumValue: UInt64(max(dictionarySize - 1, 0)))
        precondition(
            bitWidth <= BitPacking.maximumBitWidth, "dictionary of \(dictionarySize) entries exceeds 32-bit indices")
        output.append(UInt8(bitWidth))
        encode(indices, bitWidth: bitWidth, into: &output)
    }
}
