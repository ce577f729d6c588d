import VOParquet

/// Reads another source, failing once a signal is pending so that a long read of the input
/// stops at the next chunk.
final class InterruptibleByteSource: ByteSource {
    private let source: any ByteSource
    private let name: String

    init(_ source: any ByteSource, name: String) {
        self.source = source
        self.name = name
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        if HatsInterrupt.pending != 0 { throw .io(path: name, operation: "read", message: "interrupted") }
        return try source.read(into: buffer)
    }
}
