import Parquet
import VOParquet

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `voparquet convert`: streams the input VOTable into a VOParquet file.
enum ConvertCommand {
    /// Runs the command and returns the exit status.
    static func run(_ arguments: ConvertArguments) -> Int32 {
        let target: OutputTarget
        do {
            target = try OutputTarget(arguments.output, input: arguments.input)
        } catch {
            Diagnostics.error(error.message, usage: true)
            return 2
        }
        if case .standardOutput = target, isatty(STDOUT_FILENO) == 1 {
            Diagnostics.error("refusing to write Parquet to a terminal; give -o OUTPUT or redirect standard output")
            return 2
        }
        InterruptCleanup.install()
        do {
            let input: any ByteSource =
                arguments.input == "-"
                ? FileByteSource(standardInput: ())
                : try FileByteSource(path: arguments.input!)
            let sink = try target.open()
            do {
                try convert(CountingByteSource(input), to: sink, options: arguments.options)
                try target.commit()
            } catch {
                sink.discard()
                target.abandon()
                throw error
            }
            return 0
        } catch {
            Diagnostics.error("\(error)")
            return 1
        }
    }

    private static func convert<Sink: ByteSink>(_ input: CountingByteSource, to sink: Sink, options: VOParquetOptions)
        throws
    {
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
            Diagnostics.write(
                "voparquet: stopped at \(limit) after \(summary.rows) rows; the file is marked as overflowed\n")
        }
    }
}
