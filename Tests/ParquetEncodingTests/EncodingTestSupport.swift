import TestSupport

@testable import ParquetEncoding

func hybridEncoded(_ values: [UInt32], bitWidth: Int) -> [UInt8] {
    var output: [UInt8] = []
    values.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: bitWidth, into: &output) }
    return output
}

func hybridEncoded(_ values: [UInt8], bitWidth: Int) -> [UInt8] {
    var output: [UInt8] = []
    values.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: bitWidth, into: &output) }
    return output
}

/// Decodes `count` dictionary indices as the reader does, and returns them with the number
/// of bytes the decoder consumed.
func hybridDecoded(_ bytes: [UInt8], bitWidth: Int, count: Int) throws(DecodingFailure) -> (
    values: [UInt32], consumed: Int
) {
    try decoded(bytes, bitWidth: bitWidth, count: count) { (decoder, output) throws(DecodingFailure) in
        try decoder.decode(count: count, into: output)
    }
}

/// Decodes `count` levels as the reader does, and returns them with the number of bytes the
/// decoder consumed.
func hybridDecodedLevels(_ bytes: [UInt8], bitWidth: Int, count: Int) throws(DecodingFailure) -> (
    values: [UInt8], consumed: Int
) {
    try decoded(bytes, bitWidth: bitWidth, count: count) { (decoder, output) throws(DecodingFailure) in
        try decoder.decode(count: count, into: output)
    }
}

private func decoded<Value: FixedWidthInteger>(
    _ bytes: [UInt8], bitWidth: Int, count: Int,
    _ decode: (inout RLEHybridDecoder, UnsafeMutablePointer<Value>) throws(DecodingFailure) -> Void
) throws(DecodingFailure) -> (values: [Value], consumed: Int) {
    var values = [Value](repeating: 0, count: count)
    let consumed = try bytes.withUnsafeBufferPointer { (input) throws(DecodingFailure) in
        var decoder = try RLEHybridDecoder(UnsafeRawBufferPointer(input), bitWidth: bitWidth)
        try values.withUnsafeMutableBufferPointer { (output) throws(DecodingFailure) in
            if let start = output.baseAddress { try decode(&decoder, start) }
        }
        return decoder.position
    }
    return (values, consumed)
}

/// Values stored back to back, as the writer keeps BYTE_ARRAY columns, with each value's end.
func packedByteArrays(_ values: [[UInt8]]) -> (storage: [UInt8], ends: [Int]) {
    var storage: [UInt8] = []
    var ends: [Int] = []
    for value in values {
        storage += value
        ends.append(storage.count)
    }
    return (storage, ends)
}
