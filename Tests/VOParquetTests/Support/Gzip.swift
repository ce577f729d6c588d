import ParquetCompression

/// gzip members for input tests, made with the writer's GZIP page codec.
enum Gzip {
    static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        let compressor = try PageCompressor(.gzip, level: 6)
        var output: [UInt8] = []
        try bytes.withUnsafeBytes { try compressor.compress($0, appendingTo: &output) }
        return output
    }
}
