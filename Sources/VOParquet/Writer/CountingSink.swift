import Parquet

/// Passes bytes on to another sink, counting them: the size of the file so far.
@usableFromInline
final class CountingSink<Base: ByteSink>: ByteSink {
    let base: Base
    private(set) var byteCount = 0

    init(_ base: Base) { self.base = base }

    @usableFromInline func write(_ bytes: UnsafeRawBufferPointer) throws {
        try base.write(bytes)
        byteCount += bytes.count
    }

    @usableFromInline func close() throws { try base.close() }
}
