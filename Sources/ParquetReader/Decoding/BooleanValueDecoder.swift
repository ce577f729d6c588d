import ParquetEncoding
import ParquetFormat

/// Decodes BOOLEAN pages: PLAIN (one bit per value, least significant first) and RLE
/// (the hybrid with bit width 1 behind a 4-byte length).
final class BooleanValueDecoder: PageValueDecoder {
    private var values: [Bool] = []

    var count: Int { values.count }
    var dictionarySize: Int? { nil }

    func setDictionary(_ input: UnsafeRawBufferPointer, count: Int) throws(DecodingFailure) {
        throw DecodingFailure(at: 0, "BOOLEAN columns cannot have a dictionary")
    }

    func append(_ input: UnsafeRawBufferPointer, encoding: Encoding, count: Int) throws(DecodingFailure) {
        switch encoding {
        case .plain:
            try PlainDecoder.appendBooleans(input, count: count, to: &values)
        case .rle:
            try values.appendUninitialized(count: count) { (target) throws(DecodingFailure) in
                try BooleanRLEDecoder.decode(input, count: count, into: target)
            }
        default:
            throw unsupported(encoding, "BOOLEAN")
        }
    }

    func takeValues() -> ColumnValues {
        defer { values = [] }
        return .boolean(values)
    }
}
