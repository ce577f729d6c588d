extension Array where Element == UInt8 {
    /// Appends what `body` appends behind its byte count as a 4-byte little-endian
    /// integer: the layout of version 1 data pages' levels and of RLE booleans.
    @inlinable
    package mutating func appendLengthPrefixed(_ body: (inout [UInt8]) -> Void) {
        let lengthPosition = count
        append(contentsOf: [0, 0, 0, 0])
        body(&self)
        let length = UInt32(count - lengthPosition - 4)
        for index in 0..<4 { self[lengthPosition + index] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(index))) }
    }
}
