/// The bit packing of the RLE/bit-packing hybrid (Encodings.md, "RLE" note 1): values of
/// `bitWidth` bits laid out back to back starting at the least significant bit of each byte,
/// each value's own bits kept in their usual order. PLAIN booleans and DELTA_BINARY_PACKED
/// miniblocks use the same layout.
package enum BitPacking {
    /// The widest value the hybrid encoding carries (dictionary indices are 32-bit).
    package static let maximumBitWidth = 32

    /// Bits needed to represent `maximumValue`; 0 for 0.
    @inlinable @inline(__always)
    package static func bitWidth(forMaximumValue maximumValue: UInt64) -> Int {
        UInt64.bitWidth - maximumValue.leadingZeroBitCount
    }

    /// Bytes taken by `valueCount` packed values; a partial last byte is zero-padded.
    @inlinable @inline(__always)
    package static func byteCount(valueCount: Int, bitWidth: Int) -> Int {
        (valueCount * bitWidth + 7) / 8
    }

    /// Packs `count` values at `bitWidth` bits (0...32) into `destination`, which must have
    /// room for `byteCount(valueCount: count, bitWidth: bitWidth)` bytes. Bits above
    /// `bitWidth` are dropped, so an out-of-range value cannot spill into its neighbours.
    @inline(__always)
    static func pack<Value: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafePointer<Value>,
        count: Int,
        bitWidth: Int,
        into destination: UnsafeMutableRawPointer
    ) {
        let mask: UInt64 = (1 << UInt64(bitWidth)) &- 1
        var accumulator: UInt64 = 0
        var pendingBits = 0
        var output = destination
        for index in 0..<count {
            accumulator |= (UInt64(truncatingIfNeeded: values[index]) & mask) &<< UInt64(pendingBits)
            pendingBits += bitWidth
            // Flush 32 bits at a time: at most 31 pending + 32 new bits fit the 64-bit accumulator.
            if pendingBits >= 32 {
                output.storeBytes(of: UInt32(truncatingIfNeeded: accumulator).littleEndian, as: UInt32.self)
                output += 4
                accumulator &>>= 32
                pendingBits -= 32
            }
        }
        while pendingBits > 0 {
            output.storeBytes(of: UInt8(truncatingIfNeeded: accumulator), as: UInt8.self)
            output += 1
            accumulator &>>= 8
            pendingBits -= 8
        }
    }
}
