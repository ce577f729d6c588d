/// A document that is not well-formed XML, or that this parser does not read
/// (a non-UTF-8 encoding, an external entity), with the line it was found on.
public struct XMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One-based line number.
    public let line: Int
    public let message: String

    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
