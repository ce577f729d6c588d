/// Collects the file in memory.
public final class MemorySink: ByteSink {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether `close()` has been called.
    public private(set) var isClosed = false

    /// An empty sink.
    public init() {}

    /// Appends `bytes` to ``bytes``.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !isClosed else { throw SinkError.closed }
        self.bytes.append(contentsOf: bytes)
    }

    /// Marks the sink closed; later writes throw.
    public func close() throws {
        isClosed = true
    }
}
