import ParquetEncoding
import ParquetFormat

/// Decodes FIXED_LEN_BYTE_ARRAY pages: PLAIN, dictionary indices, BYTE_STREAM_SPLIT and
/// DELTA_BYTE_ARRAY.
final class FixedLengthByteArrayValueDecoder: PageValueDecoder {
    private let byteWidth: Int
    private var values: FixedLengthByteArrayValues
    private var dictionary: FixedLengthByteArrayValues?
    private var indices: [UInt32] = []
    private var deltaByteArray = DeltaByteArrayDecoder()

    init(byteWidth: Int) {
        self.byteWidth = byteWidth
        values = FixedLengthByteArrayValues(byteWidth: byteWidth)
    }

    var count: Int { values.count }
    var dictionarySize: Int? { dictionary?.count }

    func setDictionary(_ input: UnsafeRawBufferPointer, count: Int) throws(DecodingFailure) {
        var entries = FixedLengthByteArrayValues(byteWidth: byteWidth)
        try appendPlain(input, count: count, into: &entries)
        dictionary = entries
    }

    func append(_ input: UnsafeRawBufferPointer, encoding: Encoding, count: Int) throws(DecodingFailure) {
        switch encoding {
        case .plain:
            try appendPlain(input, count: count, into: &values)
        case _ where encoding.isDictionary:
            guard let dictionary else { throw missingDictionary() }
            try DictionaryIndices.decode(input, count: count, dictionarySize: dictionary.count, into: &indices)
            let width = byteWidth
            dictionary.bytes.withUnsafeBufferPointer { source in
                indices.withUnsafeBufferPointer { indices in
                    values.appendInPlace(valueCount: count) { destination in
                        guard width > 0 else { return }
                        for (position, index) in indices.enumerated() {
                            (destination + position * width).update(
                                from: source.baseAddress! + Int(index) * width, count: width)
                        }
                    }
                }
            }
        case .byteStreamSplit:
            let width = byteWidth
            try values.appendInPlace(valueCount: count) { (destination) throws(DecodingFailure) in
                try ByteStreamSplitDecoder.decode(input, count: count, width: width, into: destination)
            }
        case .deltaByteArray:
            let width = byteWidth
            try deltaByteArray.decode(input, count: count) { (lengths, _, fill) throws(DecodingFailure) in
                if let wrong = lengths.firstIndex(where: { $0 != width }) {
                    throw DecodingFailure(
                        at: 0, "value \(wrong) has \(lengths[wrong]) bytes, not the column's \(width)")
                }
                values.appendInPlace(valueCount: count, fill)
            }
        default:
            throw unsupported(encoding, "FIXED_LEN_BYTE_ARRAY")
        }
    }

    func takeValues() -> ColumnValues {
        defer { values = FixedLengthByteArrayValues(byteWidth: byteWidth) }
        return .fixedLengthByteArray(values)
    }

    private func appendPlain(
        _ input: UnsafeRawBufferPointer, count: Int, into output: inout FixedLengthByteArrayValues
    ) throws(DecodingFailure) {
        output.append(try PlainDecoder.fixedWidthValues(input, count: count, width: byteWidth), valueCount: count)
    }
}
