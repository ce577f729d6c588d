import ParquetEncoding

/// BYTE_ARRAY values stored back to back in one buffer, with an offset per value, so a
/// column of strings costs two allocations rather than one per value.
public struct ByteArrayValues: Sendable, Hashable {
    /// `offsets[i]..<offsets[i + 1]` is value `i` in `bytes`; `offsets[0]` is 0.
    public private(set) var offsets: [Int]
    /// Every value's bytes, concatenated.
    public private(set) var bytes: [UInt8]

    /// No values.
    public init() {
        offsets = [0]
        bytes = []
    }

    /// Number of values.
    public var count: Int { offsets.count - 1 }

    /// The bytes of value `index`.
    public subscript(index: Int) -> ArraySlice<UInt8> {
        bytes[offsets[index]..<offsets[index + 1]]
    }

    mutating func reserve(values: Int, bytes byteCount: Int) {
        offsets.reserveCapacity(offsets.count + values)
        bytes.reserveCapacity(bytes.count + byteCount)
    }

    /// Appends one value.
    @inline(__always)
    mutating func append(_ value: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: value)
        offsets.append(bytes.count)
    }

    /// Appends `lengths.count` values whose bytes lie back to back in `data`, which must
    /// hold exactly the sum of `lengths`.
    mutating func append(lengths: UnsafeBufferPointer<Int32>, data: UnsafeRawBufferPointer) {
        offsets.reserveCapacity(offsets.count + lengths.count)
        var end = bytes.count
        for length in lengths {
            end += Int(length)
            offsets.append(end)
        }
        bytes.append(contentsOf: data)
    }

    /// Lets `body` write `byteCount` bytes of new values after the existing bytes and
    /// then records `lengths` as their sizes; used by decoders that build values in place.
    mutating func appendInPlace<Failure: Error>(
        byteCount: Int, lengths: UnsafeBufferPointer<Int>,
        _ body: (_ destination: UnsafeMutablePointer<UInt8>) throws(Failure) -> Void
    ) throws(Failure) {
        let existingCount = bytes.count
        try bytes.appendUninitialized(count: byteCount, body)
        offsets.reserveCapacity(offsets.count + lengths.count)
        var end = existingCount
        for length in lengths {
            end += length
            offsets.append(end)
        }
    }
}
