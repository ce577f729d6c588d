extension Array where Element: BitwiseCopyable {
    /// Lets `body` write up to `maximumCount` elements straight into the array's spare
    /// capacity and appends as many as it reports, so encoders, decoders and codecs need
    /// neither zero-filling nor an intermediate buffer. Capacity grows geometrically, so
    /// repeated calls stay amortised O(1).
    ///
    /// The buffer handed to `body` has exactly `maximumCount` elements and a non-nil base
    /// address even for a count of 0, because some C libraries reject a null output pointer
    /// when nothing is to be written. If `body` throws, the array is left as it was.
    @inlinable @inline(__always)
    package mutating func appendUninitialized<Failure: Error>(
        upTo maximumCount: Int,
        _ body: (UnsafeMutableBufferPointer<Element>) throws(Failure) -> Int
    ) throws(Failure) {
        try append(addingCapacity: Swift.max(maximumCount, 1)) {
            (span: inout OutputSpan<Element>) throws(Failure) in
            try span.withUnsafeMutableBufferPointer { (buffer, initializedCount) throws(Failure) in
                let written = try body(UnsafeMutableBufferPointer(rebasing: buffer.prefix(maximumCount)))
                precondition(written <= maximumCount, "wrote past the reserved space")
                initializedCount = written
            }
        }
    }

    /// Appends `count` elements that `body` writes straight into the array's spare
    /// capacity, without zero-filling them first. `body` is not called for a count of 0;
    /// if it throws, nothing is appended.
    @inlinable @inline(__always)
    package mutating func appendUninitialized<Failure: Error>(
        count: Int, _ body: (UnsafeMutablePointer<Element>) throws(Failure) -> Void
    ) throws(Failure) {
        guard count > 0 else { return }
        try appendUninitialized(upTo: count) { (buffer) throws(Failure) in
            try body(buffer.baseAddress!)
            return count
        }
    }
}
