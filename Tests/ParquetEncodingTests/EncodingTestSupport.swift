@testable import Parquet

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

/// Decodes `count` values and also returns how many bytes the decoder consumed.
func hybridDecoded<Value: FixedWidthInteger & UnsignedInteger>(
    _ bytes: [UInt8], bitWidth: Int, count: Int, as _: Value.Type = UInt32.self
) throws -> (values: [Value], consumed: Int) {
    var values: [Value] = []
    let consumed = try bytes.withUnsafeBytes {
        try RLEHybridDecoder.decode($0, bitWidth: bitWidth, count: count, into: &values)
    }
    return (values, consumed)
}

func littleEndianBytes<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
}
