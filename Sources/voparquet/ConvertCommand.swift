#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Parquet
import VOParquet

/// `voparquet convert`: streams the input VOTable into a VOParquet file.
enum ConvertCommand {
    /// Runs the command and returns the exit status.
    static func run(_ arguments: ConvertArguments) -> Int32 {
        let target = OutputTarget(arguments.output)
        if case .standardOutput = target, isatty(STDOUT_FILENO) == 1 {
            Diagnostics.error("refusing to write Parquet to a terminal; give -o OUTPUT or redirect standard output")
            return 2
        }
        do {
            let input: any ByteSource = arguments.input == "-"
                ? FileByteSource(standardInput: ())
                : try FileByteSource(path: arguments.input!)
            let counted = CountingByteSource(input)
            switch target {
            case .standardOutput:
                try convert(counted, to: StandardOutputSink(), options: arguments.options)
            case let .file(path, temporaryPath):
                do {
                    try convert(counted, to: try FileSink(path: temporaryPath), options: arguments.options)
                    guard rename(temporaryPath, path) == 0 else {
                        throw CommandFailure("cannot rename '\(temporaryPath)' to '\(path)': \(String(cString: strerror(errno)))")
                    }
                } catch {
                    unlink(temporaryPath)
                    throw error
                }
            }
            return 0
        } catch {
            Diagnostics.error("\(error)")
            return 1
        }
    }

    private static func convert<Sink: ByteSink>(_ input: CountingByteSource, to sink: Sink, options: VOParquetOptions) throws {
        let converter = VOTableConverter(source: GzipDetectingSource(input))
        let envelope = try converter.readEnvelope()
        let writer = try VOParquetWriter(envelope: envelope, sink: sink, options: options)
        let progress = ProgressLine()
        defer { progress.finish() }
        let summary = try converter.convert(into: writer) { rows in
            progress.update(rows: rows, bytesIn: input.byteCount, bytesOut: writer.bytesWritten)
        }
        progress.update(rows: summary.rows, bytesIn: input.byteCount, bytesOut: writer.bytesWritten, force: true)
        progress.finish()
        if let limit = summary.limit {
            Diagnostics.write("voparquet: stopped at \(limit) after \(summary.rows) rows; the file is marked as overflowed\n")
        }
    }
}

/// A failure of the command itself, such as a failed rename.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
