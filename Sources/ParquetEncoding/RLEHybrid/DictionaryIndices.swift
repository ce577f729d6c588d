/// The values of an `RLE_DICTIONARY` (or `PLAIN_DICTIONARY`) data page: one byte holding
/// the bit width of the indices, then the indices in the RLE/bit-packing hybrid at that
/// width, without a length prefix (Encodings.md, "Dictionary Encoding").
package enum DictionaryIndices {
    /// Appends `indices` into a dictionary of `dictionarySize` entries, at the bits needed
    /// for `dictionarySize - 1` (so 0 for a dictionary of one entry).
    package static func encode(
        _ indices: UnsafeBufferPointer<UInt32>,
        dictionarySize: Int,
        into output: inout [UInt8]
    ) {
        let bitWidth = BitPacking.bitWidth(forMaximumValue: UInt64(max(dictionarySize - 1, 0)))
        precondition(
            bitWidth <= BitPacking.maximumBitWidth, "dictionary of \(dictionarySize) entries exceeds 32-bit indices")
        output.append(UInt8(bitWidth))
        RLEHybridEncoder.encode(indices, bitWidth: bitWidth, into: &output)
    }

    /// Decodes `count` indices into `scratch` (replacing its contents) and checks each is
    /// below `dictionarySize`.
    package static func decode(
        _ input: UnsafeRawBufferPointer, count: Int, dictionarySize: Int, into scratch: inout [UInt32]
    ) throws(DecodingFailure) {
        scratch.removeAll(keepingCapacity: true)
        guard count > 0 else { return }
        guard !input.isEmpty else { throw DecodingFailure(at: 0, "missing the bit width of the dictionary indices") }
        var decoder = try RLEHybridDecoder(UnsafeRawBufferPointer(rebasing: input[1...]), bitWidth: Int(input[0]))
        do {
            try scratch.appendUninitialized(count: count) { (pointer) throws(DecodingFailure) in
                try decoder.decode(count: count, into: pointer)
            }
        } catch {
            throw DecodingFailure(at: 1 + error.offset, "dictionary indices: \(error.message)")
        }
        var highest: UInt32 = 0
        for index in scratch {
            highest = max(highest, index)
        }
        guard Int(highest) < dictionarySize else {
            throw DecodingFailure(
                at: 0, "dictionary index \(highest) is outside a dictionary of \(dictionarySize) entries")
        }
    }
}
