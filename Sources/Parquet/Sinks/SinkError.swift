/// A failure of one of the built-in sinks.
public enum SinkError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A system call failed on the file at `path`.
    case io(path: String, operation: String, errno: Int32, message: String)
    /// The consumer of an `AsyncChunkSink` stopped reading.
    case consumerCancelled
    /// Bytes were written after the sink was closed.
    case closed
    /// A second iterator was made over an `AsyncChunkSink`'s chunks, which have one consumer.
    case secondConsumer

    public var description: String {
        switch self {
        case .io(let path, let operation, let errno, let message):
            "\(operation) '\(path)' failed: \(message) (errno \(errno))"
        case .consumerCancelled: "the consumer of the byte stream stopped reading"
        case .closed: "the sink is closed"
        case .secondConsumer: "the chunks of an AsyncChunkSink have one consumer; a second iterator was made"
        }
    }
}
