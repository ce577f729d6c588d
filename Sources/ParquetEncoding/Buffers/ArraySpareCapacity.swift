extension Array where Element == UInt8 {
    /// Lets `body` write up to `maximumCount` bytes straight into the array's spare capacity
    /// and appends as many as it reports, so encoders need neither zero-filling nor an
    /// intermediate buffer. Capacity grows geometrically, so repeated calls stay amortised O(1).
    ///
    /// The buffer handed to `body` has exactly `maximumCount` elements and a non-nil base.
    @inline(__always)
    mutating func appendBytes(
        upTo maximumCount: Int,
        _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int
    ) {
        append(addingCapacity: Swift.max(maximumCount, 1)) { span in
            span.withUnsafeMutableBufferPointer { buffer, initializedCount in
                let written = body(UnsafeMutableBufferPointer(rebasing: buffer.prefix(maximumCount)))
                precondition(written <= maximumCount, "encoder wrote past its reserved space")
                initializedCount = written
            }
        }
    }
}
