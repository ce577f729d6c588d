import Glibc
import Parquet
import VOParquet

/// `voparquet convert INPUT [-o OUTPUT] [options]`.
enum ConvertCommand {
    static let usage = """
        Usage: voparquet convert INPUT [-o OUTPUT] [options]

        Converts a VOTable (TABLEDATA, BINARY or BINARY2 with an inline base64 STREAM,
        optionally gzip-compressed) to a VOParquet file. INPUT may be - for standard
        input. Without -o (or with -o -) the file goes to standard output, which must
        not be a terminal. A file output is written under a temporary name and renamed
        when complete; a device or FIFO is written directly; a symlink is followed.

        Options:
          -o, --output PATH            output file (- for standard output)
          --compression CODEC          zstd (default), snappy, gzip, lz4, none
          --level N                    zstd or gzip level
          --row-group-bytes N          row-group target size (default 8M)
          --row-group-rows N           most rows per row group (default 1048576)
          --page-size N                data page size limit (default 1M)
          --dictionary, --no-dictionary
                                       dictionary encoding on (default) or off
          --encoding COLUMN=ENCODING   encoding of one column (repeatable): PLAIN, RLE_DICTIONARY,
                                       DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY,
                                       DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT
          --data-page-version 1|2      data page format (default 1)
          --crc                        CRC-32 of every page in its header
          --bloom-filter COLUMN        a split-block bloom filter on COLUMN (repeatable), sized for
                                       min(--row-group-rows, 100000) distinct values at 1% false positives
          --page-index, --no-page-index
                                       ColumnIndex and OffsetIndex per column chunk (default on)
          --timestamps-as KIND         string (default) or timestamp, for xtype="timestamp"
          --max-rows N                 stop after N rows and mark the result as overflowed
          --max-bytes N                keep the file within N bytes, same overflow marking
          -h, --help                   this text
        Sizes take an optional k, M or G suffix (powers of 1024).
        """

    /// Runs the command and returns the exit status.
    static func run(_ argumentList: [String]) -> Int32 {
        if argumentList.contains("-h") || argumentList.contains("--help") {
            print(usage)
            return 0
        }
        let arguments: ConvertArguments
        do {
            arguments = try ConvertArguments(argumentList)
        } catch {
            Diagnostics.error(error.message, usage: true)
            return 2
        }
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
            let input: any ByteSource = arguments.input == "-"
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
