/// Collects the file in memory.
public final class MemorySink: ByteSink {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []
    public private(set) var isClosed = false

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !isClosed else { throw SinkError.closed }
        self.bytes.append(contentsOf: bytes)
    }

    public func close() throws {
        isClosed = true
    }
}
