/// A document that is not well-formed XML, or that this parser does not read
/// (a non-UTF-8 encoding, an external entity), with the line it was found on.
public struct XMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One-based line number.
    public let line: Int
    /// What is wrong.
    public let message: String
    /// Whether reading the input failed (an I/O or gzip error), rather than the XML.
    public let isInputFailure: Bool

    /// An error found on `line`.
    public init(line: Int, _ message: String, isInputFailure: Bool = false) {
        self.line = line
        self.message = message
        self.isInputFailure = isInputFailure
    }

    public var description: String { "line \(line): \(message)" }
}
