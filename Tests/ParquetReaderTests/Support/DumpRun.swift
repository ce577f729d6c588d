@testable import pqdump

/// The result of running pqdump in-process.
struct DumpRun {
    let status: Int32
    let output: String
    let errors: String

    init(_ arguments: [String]) {
        let output = Output.memory()
        let errors = Output.memory()
        status = PQDump.run(arguments, output: output, errors: errors)
        self.output = output.text
        self.errors = errors.text
    }

    /// The output parsed as JSON lines.
    func jsonLines() throws -> [JSONValue] {
        try output.split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }
}
