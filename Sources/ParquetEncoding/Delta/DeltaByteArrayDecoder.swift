/// Decoder for DELTA_BYTE_ARRAY (front coding): every prefix length (DELTA_BINARY_PACKED),
/// then the suffixes as DELTA_LENGTH_BYTE_ARRAY. Value `i` is the first `prefix[i]` bytes
/// of value `i - 1` followed by suffix `i`.
package struct DeltaByteArrayDecoder {
    /// Decoded pages larger than this are taken to be corrupt.
    private static let maximumDecodedSize = Int(Int32.max)

    /// The last value decoded. parquet-mr before 1.8 carried it across page boundaries
    /// (PARQUET-246), so it is kept; files that restart each page are unaffected.
    private var previous: [UInt8] = []

    package init() {}

    /// Decodes `count` values and hands back their lengths, total size, and a writer that
    /// fills a destination of that size; the caller provides storage.
    package mutating func decode(
        _ input: UnsafeRawBufferPointer, count: Int,
        store: (_ lengths: [Int], _ totalSize: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> Void)
            throws(DecodingFailure) -> Void
    ) throws(DecodingFailure) {
        var prefixes: [Int32] = []
        let suffixStart = try DeltaBinaryPackedDecoder.decode(input, count: count, into: &prefixes)
        let suffixInput = UnsafeRawBufferPointer(rebasing: input[suffixStart...])
        let (suffixLengths, dataOffset, _) = try DeltaLengthByteArrayDecoder.lengths(suffixInput, count: count)
        var lengths = [Int](repeating: 0, count: count)
        var previousLength = previous.count
        var total = 0
        for index in 0..<count {
            let prefix = Int(prefixes[index])
            guard prefix >= 0, prefix <= previousLength else {
                throw DecodingFailure(
                    at: 0,
                    "value \(index): prefix length \(prefix) exceeds the previous value's \(previousLength) bytes")
            }
            previousLength = prefix + Int(suffixLengths[index])
            lengths[index] = previousLength
            total += previousLength
            guard total <= Self.maximumDecodedSize else {
                throw DecodingFailure(at: 0, "decoded values exceed \(Self.maximumDecodedSize) bytes")
            }
        }
        let data = UnsafeRawBufferPointer(rebasing: suffixInput[dataOffset...])
        var lastBytes: [UInt8] = []
        try store(lengths, total) { destination in
            var written = 0
            var suffixOffset = 0
            var previousStart = -1
            for index in 0..<count {
                let prefix = Int(prefixes[index])
                let suffix = Int(suffixLengths[index])
                if prefix > 0 {
                    if previousStart < 0 {
                        previous.withUnsafeBufferPointer {
                            (destination + written).update(from: $0.baseAddress!, count: prefix)
                        }
                    } else {
                        (destination + written).update(from: destination + previousStart, count: prefix)
                    }
                }
                if suffix > 0 {
                    UnsafeMutableRawPointer(destination + written + prefix)
                        .copyMemory(from: data.baseAddress! + suffixOffset, byteCount: suffix)
                }
                previousStart = written
                suffixOffset += suffix
                written += prefix + suffix
            }
            let lastLength = lengths.last ?? 0
            lastBytes = Array(UnsafeBufferPointer(start: destination + written - lastLength, count: lastLength))
        }
        if count > 0 {
            previous = lastBytes
        }
    }
}
