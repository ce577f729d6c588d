/// A problem inside an encoded buffer: where (relative to the buffer's start) and what.
/// `ParquetReader` turns it into a `ParquetReaderError` with a file position.
package struct DecodingFailure: Error, Sendable {
    package let offset: Int
    package let message: String

    @inlinable
    package init(at offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }
}
