/// A parsed command line: which command, on which file, with which options.
struct Invocation: Equatable {
    enum Command: String {
        case meta, schema, pages, index, rows, check, votable
    }

    var command = Command.meta
    var path = ""
    var json = false
    /// `pages --column PATH`: the dotted path of the one column to list.
    var column: String?
    /// `rows --head N`.
    var head: Int?
    /// `rows --columns a,b`: top-level column names.
    var columns: [String]?

    static let usage = """
        usage: pqdump [meta] FILE [--json]
               pqdump schema FILE [--json]
               pqdump pages FILE [--column PATH] [--json]
               pqdump index FILE [--json]
               pqdump rows FILE [--head N] [--columns a,b] [--json]
               pqdump check FILE [--json]
               pqdump votable FILE [--json]
        """

    /// Parses the arguments after the program name.
    init(_ arguments: [String]) throws(UsageError) {
        var remaining = arguments[...]
        if let first = remaining.first, let command = Command(rawValue: first) {
            self.command = command
            remaining = remaining.dropFirst()
        }
        var path: String?
        while let argument = remaining.popFirst() {
            switch argument {
            case "--json":
                json = true
            case "--column":
                column = try Self.value(of: argument, from: &remaining, allowedIn: .pages, command: command)
            case "--head":
                let text = try Self.value(of: argument, from: &remaining, allowedIn: .rows, command: command)
                guard let count = Int(text), count >= 0 else {
                    throw UsageError("--head needs a non-negative integer, not '\(text)'")
                }
                head = count
            case "--columns":
                let text = try Self.value(of: argument, from: &remaining, allowedIn: .rows, command: command)
                let names = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard !names.contains("") else { throw UsageError("--columns needs comma-separated column names") }
                columns = names
            case "-h", "--help":
                throw UsageError(nil)
            case _ where argument.hasPrefix("-") && argument != "-":
                throw UsageError("unknown option \(argument)")
            default:
                guard path == nil else { throw UsageError("unexpected argument '\(argument)' (one FILE only)") }
                path = argument
            }
        }
        guard let path else { throw UsageError("missing FILE") }
        self.path = path
    }

    private static func value(
        of option: String, from remaining: inout ArraySlice<String>, allowedIn allowed: Command, command: Command
    ) throws(UsageError) -> String {
        guard command == allowed else { throw UsageError("\(option) is only valid with '\(allowed.rawValue)'") }
        guard let value = remaining.popFirst() else { throw UsageError("\(option) needs a value") }
        return value
    }
}

/// A command line that cannot be run; a nil message asks for the usage text alone.
struct UsageError: Error, Equatable {
    let message: String?

    init(_ message: String?) {
        self.message = message
    }
}
