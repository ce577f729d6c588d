import ParquetReader

/// A command that could not complete. pqdump prints the message on one line and exits
/// with status 1; a silent failure has already reported itself.
struct CommandFailure: Error {
    let message: String?

    init(_ message: String) {
        self.message = message
    }

    init(_ error: ParquetReaderError) {
        message = error.description
    }

    private init(silentMessage: String?) {
        message = silentMessage
    }

    /// A failure whose details are already in the command's output.
    static let silent = CommandFailure(silentMessage: nil)
}
