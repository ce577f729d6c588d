/// A problem inside an encoded buffer: where (relative to the buffer's start) and what.
/// Page readers turn it into a ``ParquetReaderError`` with a file position.
struct DecodingFailure: Error, Sendable {
    let offset: Int
    let message: String

    init(at offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }
}
