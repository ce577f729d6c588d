/// The indices of a dictionary-encoded data page: one byte of bit width, then the
/// RLE/bit-packing hybrid.
enum DictionaryIndices {
    /// Decodes `count` indices into `scratch` (replacing its contents) and checks each is
    /// below `dictionarySize`.
    static func decode(
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
