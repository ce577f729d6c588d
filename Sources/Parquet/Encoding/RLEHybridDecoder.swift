/// Decoder for the RLE/bit-packing hybrid, the inverse of ``RLEHybridEncoder``.
///
/// Every read is bounds-checked against the input; malformed input throws an
/// ``RLEHybridDecodingError`` rather than trapping or reading out of bounds.
enum RLEHybridDecoder {
    /// Decodes `count` values of `bitWidth` bits from the start of `input` (which carries no
    /// length prefix), appends them to `output`, and returns the number of input bytes
    /// consumed. On error `output` is unchanged.
    ///
    /// The last bit-packed run may stop at the last byte holding a needed value: its zero
    /// padding is not required to be present, as some writers leave it out.
    @discardableResult
    static func decode<Value: FixedWidthInteger & UnsignedInteger>(
        _ input: UnsafeRawBufferPointer,
        bitWidth: Int,
        count: Int,
        into output: inout [Value]
    ) throws(RLEHybridDecodingError) -> Int {
        guard (0...min(BitPacking.maximumBitWidth, Value.bitWidth)).contains(bitWidth) else {
            throw .invalidBitWidth(bitWidth)
        }
        guard count > 0 else { return 0 }
        var consumed = 0
        try output.append(addingCapacity: count) { (span: inout OutputSpan<Value>) throws(RLEHybridDecodingError) in
            try span.withUnsafeMutableBufferPointer { (buffer, initializedCount) throws(RLEHybridDecodingError) in
                consumed = try decodeRuns(
                    input, bitWidth: bitWidth, into: UnsafeMutableBufferPointer(rebasing: buffer.prefix(count)))
                initializedCount = count
            }
        }
        return consumed
    }

    /// Fills `destination` completely from the runs in `input`; returns the bytes consumed.
    private static func decodeRuns<Value: FixedWidthInteger & UnsignedInteger>(
        _ input: UnsafeRawBufferPointer,
        bitWidth: Int,
        into destination: UnsafeMutableBufferPointer<Value>
    ) throws(RLEHybridDecodingError) -> Int {
        let valueByteCount = (bitWidth + 7) / 8
        var offset = 0
        var decoded = 0
        while decoded < destination.count {
            let headerOffset = offset
            guard let header = ULEB128.readUInt32(from: input, at: &offset) else {
                throw .malformedRunHeader(offset: headerOffset)
            }
            let isBitPacked = header & 1 == 1
            let runLength = Int(header >> 1) * (isBitPacked ? 8 : 1)
            guard runLength > 0 else { throw .emptyRun(offset: headerOffset) }
            let wanted = min(runLength, destination.count - decoded)
            let target = destination.baseAddress! + decoded
            if isBitPacked {
                let neededBytes = BitPacking.byteCount(valueCount: wanted, bitWidth: bitWidth)
                guard input.count - offset >= neededBytes else {
                    throw .truncatedBitPackedRun(
                        offset: headerOffset, neededBytes: neededBytes, availableBytes: input.count - offset)
                }
                BitPacking.unpack(input.baseAddress! + offset, count: wanted, bitWidth: bitWidth, into: target)
                offset += min(BitPacking.byteCount(valueCount: runLength, bitWidth: bitWidth), input.count - offset)
            } else {
                guard input.count - offset >= valueByteCount else {
                    throw .truncatedRepeatedValue(offset: headerOffset)
                }
                var value: UInt64 = 0
                for byteIndex in 0..<valueByteCount {
                    value |= UInt64(input[offset + byteIndex]) << (8 * UInt64(byteIndex))
                }
                guard value >> UInt64(bitWidth) == 0 else {
                    throw .repeatedValueTooWide(offset: headerOffset, value: value, bitWidth: bitWidth)
                }
                target.update(repeating: Value(truncatingIfNeeded: value), count: wanted)
                offset += valueByteCount
            }
            decoded += wanted
        }
        return offset
    }
}

/// Why RLE/bit-packing hybrid data could not be decoded. Offsets are byte offsets of the
/// offending run's header within the input.
enum RLEHybridDecodingError: Error, Equatable, CustomStringConvertible {
    case invalidBitWidth(Int)
    case malformedRunHeader(offset: Int)
    case emptyRun(offset: Int)
    case truncatedRepeatedValue(offset: Int)
    case repeatedValueTooWide(offset: Int, value: UInt64, bitWidth: Int)
    case truncatedBitPackedRun(offset: Int, neededBytes: Int, availableBytes: Int)

    var description: String {
        switch self {
        case .invalidBitWidth(let bitWidth):
            "RLE/bit-packed hybrid: unsupported bit width \(bitWidth) for the requested value type"
        case .malformedRunHeader(let offset):
            "RLE/bit-packed hybrid: run header at byte \(offset) is truncated or exceeds 32 bits"
        case .emptyRun(let offset):
            "RLE/bit-packed hybrid: run at byte \(offset) has length 0"
        case .truncatedRepeatedValue(let offset):
            "RLE/bit-packed hybrid: RLE run at byte \(offset) ends before its repeated value"
        case .repeatedValueTooWide(let offset, let value, let bitWidth):
            "RLE/bit-packed hybrid: RLE run at byte \(offset) repeats \(value), which does not fit in \(bitWidth) bits"
        case .truncatedBitPackedRun(let offset, let neededBytes, let availableBytes):
            "RLE/bit-packed hybrid: bit-packed run at byte \(offset) needs \(neededBytes) bytes but only \(availableBytes) remain"
        }
    }
}
