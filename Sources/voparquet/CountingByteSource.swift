import VOParquet

/// Counts the bytes read from another source, for the progress line.
final class CountingByteSource: ByteSource {
    private let source: any ByteSource
    private(set) var byteCount = 0

    init(_ source: any ByteSource) { self.source = source }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = try source.read(into: buffer)
        byteCount += count
        return count
    }
}
