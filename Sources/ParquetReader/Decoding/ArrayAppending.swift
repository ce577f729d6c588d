extension Array where Element: BitwiseCopyable {
    /// Appends `count` elements that `body` writes straight into the array's spare
    /// capacity, without zero-filling them first. If `body` throws, nothing is appended.
    @inline(__always)
    mutating func appendUninitialized<Failure: Error>(
        count: Int, _ body: (UnsafeMutablePointer<Element>) throws(Failure) -> Void
    ) throws(Failure) {
        guard count > 0 else { return }
        try append(addingCapacity: count) { (span: inout OutputSpan<Element>) throws(Failure) in
            try span.withUnsafeMutableBufferPointer { (buffer, initializedCount) throws(Failure) in
                try body(buffer.baseAddress!)
                initializedCount = count
            }
        }
    }
}

extension Array where Element == UInt8 {
    /// `withUnsafeBytes` with a typed error, which the standard library's version does not keep.
    @inline(__always)
    func withBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let outcome = withUnsafeBytes { bytes in
            Swift.Result { () throws(Failure) in try body(bytes) }
        }
        return try outcome.get()
    }
}
