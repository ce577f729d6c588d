import ParquetEncoding
import ParquetFormat

/// Decodes BYTE_ARRAY pages: PLAIN (4-byte length before each value), dictionary
/// indices, DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY.
final class ByteArrayValueDecoder: PageValueDecoder {
    private var values = ByteArrayValues()
    private var dictionary: ByteArrayValues?
    private var indices: [UInt32] = []
    private var deltaByteArray = DeltaByteArrayDecoder()

    var count: Int { values.count }
    var dictionarySize: Int? { dictionary?.count }

    func setDictionary(_ input: UnsafeRawBufferPointer, count: Int) throws(DecodingFailure) {
        var entries = ByteArrayValues()
        try Self.appendPlain(input, count: count, into: &entries)
        dictionary = entries
    }

    func append(_ input: UnsafeRawBufferPointer, encoding: Encoding, count: Int) throws(DecodingFailure) {
        switch encoding {
        case .plain:
            try Self.appendPlain(input, count: count, into: &values)
        case _ where encoding.isDictionary:
            guard let dictionary else { throw missingDictionary() }
            try DictionaryIndices.decode(input, count: count, dictionarySize: dictionary.count, into: &indices)
            gather(from: dictionary)
        case .deltaLengthByteArray:
            let (lengths, dataOffset, dataSize) = try DeltaLengthByteArrayDecoder.lengths(input, count: count)
            lengths.withUnsafeBufferPointer { lengths in
                values.append(
                    lengths: lengths,
                    data: UnsafeRawBufferPointer(rebasing: input[dataOffset..<(dataOffset + dataSize)]))
            }
        case .deltaByteArray:
            try deltaByteArray.decode(input, count: count) { (lengths, totalSize, fill) throws(DecodingFailure) in
                lengths.withUnsafeBufferPointer { lengths in
                    values.appendInPlace(byteCount: totalSize, lengths: lengths, fill)
                }
            }
        default:
            throw unsupported(encoding, "BYTE_ARRAY")
        }
    }

    func takeValues() -> ColumnValues {
        defer { values = ByteArrayValues() }
        return .byteArray(values)
    }

    /// Copies the dictionary entries that `indices` name, sizing the output once.
    private func gather(from dictionary: ByteArrayValues) {
        dictionary.offsets.withUnsafeBufferPointer { offsets in
            indices.withUnsafeBufferPointer { indices in
                var lengths = [Int](repeating: 0, count: indices.count)
                var total = 0
                for (position, index) in indices.enumerated() {
                    let length = offsets[Int(index) + 1] - offsets[Int(index)]
                    lengths[position] = length
                    total += length
                }
                dictionary.bytes.withUnsafeBufferPointer { source in
                    lengths.withUnsafeBufferPointer { lengths in
                        values.appendInPlace(byteCount: total, lengths: lengths) { destination in
                            var written = 0
                            for (position, index) in indices.enumerated() {
                                let length = lengths[position]
                                if length > 0 {
                                    (destination + written).update(
                                        from: source.baseAddress! + offsets[Int(index)], count: length)
                                }
                                written += length
                            }
                        }
                    }
                }
            }
        }
    }

    private static func appendPlain(_ input: UnsafeRawBufferPointer, count: Int, into output: inout ByteArrayValues)
        throws(DecodingFailure)
    {
        // Every value takes at least its 4-byte length, so a corrupt count cannot make
        // this reserve more than the input could hold.
        output.reserve(values: min(count, input.count / 4), bytes: max(0, input.count - 4 * count))
        try PlainDecoder.forEachByteArray(input, count: count) { output.append($0) }
    }
}
