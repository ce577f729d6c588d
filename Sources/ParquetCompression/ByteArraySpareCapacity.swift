extension Array where Element == UInt8 {
    /// Lets `body` write up to `maximumCount` bytes straight into the array's spare capacity
    /// and appends the number of bytes it reports, so codecs need no intermediate buffer.
    ///
    /// The buffer handed to `body` is never empty (at least one byte is reserved), because
    /// some C libraries reject a null output pointer even when nothing is to be written.
    /// If `body` throws, the array is left as it was.
    @inline(__always)
    mutating func appendBytes(
        upTo maximumCount: Int,
        _ body: (UnsafeMutableBufferPointer<UInt8>) throws(CompressionError) -> Int
    ) throws(CompressionError) {
        try append(addingCapacity: Swift.max(maximumCount, 1)) {
            (span: inout OutputSpan<UInt8>) throws(CompressionError) in
            try span.withUnsafeMutableBufferPointer { (buffer, initializedCount) throws(CompressionError) in
                let written = try body(UnsafeMutableBufferPointer(rebasing: buffer.prefix(maximumCount)))
                precondition(written <= maximumCount, "codec reported more bytes than it had room for")
                initializedCount = written
            }
        }
    }
}
