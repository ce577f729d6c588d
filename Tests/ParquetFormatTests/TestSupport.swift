import Testing

@testable import ParquetFormat

/// Checks that `value` survives encode → decode unchanged and that re-encoding
/// the decoded value gives the same bytes.
func expectRoundTrip<Value: ThriftCodable & Equatable>(
    _ value: Value, sourceLocation: SourceLocation = #_sourceLocation
) {
    let bytes = value.encoded()
    do {
        let decoded = try Value.decode(bytes)
        #expect(decoded == value, sourceLocation: sourceLocation)
        #expect(decoded.encoded() == bytes, sourceLocation: sourceLocation)
    } catch {
        Issue.record("decoding \(Value.self) failed: \(error)", sourceLocation: sourceLocation)
    }
}

/// Decodes `bytes` as `Value`, expecting a decoding error, and returns it.
@discardableResult
func expectDecodingError<Value: ThriftCodable>(
    _: Value.Type, _ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation
) -> ThriftDecodingError? {
    do {
        let value = try Value.decode(bytes)
        Issue.record("expected a decoding error, got \(value)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// Runs `write` on a fresh encoder and returns the bytes.
func encodedBytes(_ write: (inout CompactEncoder) -> Void) -> [UInt8] {
    var encoder = CompactEncoder()
    write(&encoder)
    return encoder.bytes
}

/// SplitMix64: a small deterministic generator so fuzz-style tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
