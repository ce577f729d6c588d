/// A failure of one of the built-in sinks.
public enum SinkError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A system call failed on the file at `path`.
    case io(path: String, operation: String, errno: Int32, message: String)
    /// The consumer of an `AsyncChunkSink` stopped reading.
    case consumerCancelled
    /// Bytes were written after the sink was closed.
    case closed

    public var description: String {
        switch self {
        case let .io(path, operation, errno, message): "\(operation) '\(path)' failed: \(message) (errno \(errno))"
        case .consumerCancelled: "the consumer of the byte stream stopped reading"
        case .closed: "the sink is closed"
        }
    }
}
