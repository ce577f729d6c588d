import TestSupport

/// Deterministic inputs for the codec tests.
enum TestData {
    static let mebibyte = 1 << 20

    static func randomBytes(count: Int, seed: UInt64) -> [UInt8] {
        var generator = SeededGenerator(state: seed)
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// Text-like data with plenty of repetition, as a column of similar values would be.
    static func compressibleBytes(count: Int) -> [UInt8] {
        var generator = SeededGenerator(state: 42)
        let words: [[UInt8]] = ["parquet", "column", "page", "dictionary", "value", "row", "group"]
            .map { Array($0.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 16)
        while bytes.count < count {
            bytes += words[Int.random(in: 0..<words.count, using: &generator)]
            bytes.append(UInt8(ascii: " "))
        }
        return Array(bytes.prefix(count))
    }

    /// The inputs every codec must round-trip, by name for readable test output.
    static let roundTripInputs: [String: [UInt8]] = [
        "empty": [],
        "one byte": [0x5A],
        "tiny text": Array("hello, parquet".utf8),
        "1 MiB compressible": compressibleBytes(count: mebibyte),
        "1 MiB random": randomBytes(count: mebibyte, seed: 7),
    ]
}
