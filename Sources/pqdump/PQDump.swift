import ArgumentParser
import ParquetReader

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Entry point of `pqdump`, which inspects and checks Parquet files.
@main
enum PQDump {
    static func main() {
        let output = Output.standardOutput()
        let errors = Output.standardError()
        let status = run(Array(CommandLine.arguments.dropFirst()), output: output, errors: errors)
        output.flush()
        errors.flush()
        exit(status)
    }

    /// Runs one command line; returns the exit status: 0 on success (help, `--version` and
    /// completion scripts included), 1 when the file cannot be read or fails `check`, 2 for
    /// a bad command line.
    static func run(_ arguments: [String], output: Output, errors: Output) -> Int32 {
        let invocation: Invocation
        do {
            var command = try PQDumpCommand.parseAsRoot(arguments)
            guard let subcommand = command as? any DumpSubcommand else {
                // `help` and `--help`: running them throws the text to print.
                try command.run()
                return 0
            }
            invocation = subcommand.invocation
        } catch {
            if PQDumpCommand.exitCode(for: error) == .success {
                output.line(PQDumpCommand.fullMessage(for: error))
                return 0
            }
            let message = PQDumpCommand.message(for: error).replacingNewlines()
            errors.line("pqdump: \(message) (pqdump --help for usage)")
            return 2
        }
        do throws(CommandFailure) {
            let reader: ParquetFileReader
            do {
                reader = try ParquetFileReader(path: invocation.path)
            } catch {
                guard invocation.command == .check else { throw CommandFailure(error) }
                CheckCommand.report(unreadable: error, json: invocation.json, output: output)
                throw CommandFailure.silent
            }
            let context = DumpContext(reader: reader, invocation: invocation, output: output)
            try context.runCommand()
            return 0
        } catch {
            if let message = error.message {
                errors.line("pqdump: \(message.replacingNewlines())")
            }
            return 1
        }
    }
}
