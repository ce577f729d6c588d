/// A problem with the command line, reported with a pointer to the usage.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
