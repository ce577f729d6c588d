#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParquetReader

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

    /// Runs one command line; returns the exit status: 0 on success, 1 when the file
    /// cannot be read or fails `check`, 2 for a bad command line.
    static func run(_ arguments: [String], output: Output, errors: Output) -> Int32 {
        let invocation: Invocation
        do {
            invocation = try Invocation(arguments)
        } catch {
            if let message = error.message {
                errors.line("pqdump: \(message) (pqdump --help for usage)")
                return 2
            }
            output.line(Invocation.usage)
            return 0
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
            switch invocation.command {
            case .meta: MetaCommand.run(context)
            case .schema: SchemaCommand.run(context)
            case .rows: try RowsCommand.run(context)
            case .pages: try PagesCommand.run(context)
            case .index: try IndexCommand.run(context)
            case .check: try CheckCommand.run(context)
            case .votable: try VOTableCommand.run(context)
            }
            return 0
        } catch {
            if let message = error.message {
                errors.line("pqdump: \(message.replacingNewlines())")
            }
            return 1
        }
    }
}
