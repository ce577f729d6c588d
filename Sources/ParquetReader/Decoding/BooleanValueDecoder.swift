import ParquetFormat

/// Decodes BOOLEAN pages: PLAIN (one bit per value, least significant first) and RLE
/// (the hybrid with bit width 1 behind a 4-byte length).
final class BooleanValueDecoder: PageValueDecoder {
    private var values: [Bool] = []
    private var bits: [UInt8] = []

    var count: Int { values.count }
    var dictionarySize: Int? { nil }

    func setDictionary(_ input: UnsafeRawBufferPointer, count: Int) throws(DecodingFailure) {
        throw DecodingFailure(at: 0, "BOOLEAN columns cannot have a dictionary")
    }

    func append(_ input: UnsafeRawBufferPointer, encoding: Encoding, count: Int) throws(DecodingFailure) {
        switch encoding {
        case .plain:
            let byteCount = BitUnpacking.byteCount(valueCount: count, bitWidth: 1)
            guard input.count >= byteCount else {
                throw DecodingFailure(
                    at: 0, "\(count) PLAIN booleans need \(byteCount) bytes but the page holds \(input.count)")
            }
            values.appendUninitialized(count: count) { target in
                for index in 0..<count {
                    target[index] = (input[index >> 3] >> UInt8(index & 7)) & 1 == 1
                }
            }
        case .rle:
            guard count > 0 else { return }
            guard input.count >= 4 else { throw DecodingFailure(at: 0, "missing the 4-byte length of RLE booleans") }
            let length = Int(input.loadUnaligned(as: UInt32.self).littleEndian)
            guard length <= input.count - 4 else {
                throw DecodingFailure(at: 0, "RLE booleans of \(length) bytes overrun the page")
            }
            var decoder = try RLEHybridDecoder(UnsafeRawBufferPointer(rebasing: input[4..<(4 + length)]), bitWidth: 1)
            bits.removeAll(keepingCapacity: true)
            do {
                try bits.appendUninitialized(count: count) { (pointer) throws(DecodingFailure) in
                    try decoder.decode(count: count, into: pointer)
                }
            } catch {
                throw DecodingFailure(at: 4 + error.offset, "RLE booleans: \(error.message)")
            }
            bits.withUnsafeBufferPointer { bits in
                values.appendUninitialized(count: count) { target in
                    for index in 0..<count {
                        target[index] = bits[index] != 0
                    }
                }
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
