@testable import ParquetEncoding

/// SplitMix64: fixed-seed randomness so every run tests the same inputs.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

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
    var values = [UInt32](repeating: 0, count: count)
    let consumed = try bytes.withUnsafeBufferPointer { (input) throws(DecodingFailure) in
        var decoder = try RLEHybridDecoder(UnsafeRawBufferPointer(input), bitWidth: bitWidth)
        try values.withUnsafeMutableBufferPointer { (output) throws(DecodingFailure) in
            if let start = output.baseAddress { try decoder.decode(count: count, into: start) }
        }
        return decoder.position
    }
    return (values, consumed)
}

/// Decodes `count` levels as the reader does, and returns them with the number of bytes the
/// decoder consumed.
func hybridDecodedLevels(_ bytes: [UInt8], bitWidth: Int, count: Int) throws(DecodingFailure) -> (
    values: [UInt8], consumed: Int
) {
    var values = [UInt8](repeating: 0, count: count)
    let consumed = try bytes.withUnsafeBufferPointer { (input) throws(DecodingFailure) in
        var decoder = try RLEHybridDecoder(UnsafeRawBufferPointer(input), bitWidth: bitWidth)
        try values.withUnsafeMutableBufferPointer { (output) throws(DecodingFailure) in
            if let start = output.baseAddress { try decoder.decode(count: count, into: start) }
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
