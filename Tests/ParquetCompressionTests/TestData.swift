/// Deterministic inputs for the codec tests.
enum TestData {
    /// SplitMix64: a tiny fixed-seed generator so "random" inputs are identical on every run.
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
