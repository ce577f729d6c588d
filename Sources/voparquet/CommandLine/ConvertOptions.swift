import ArgumentParser

/// `voparquet convert INPUT [-o OUTPUT] [options]`: the options as typed. ``ConvertArguments``
/// checks them and turns them into writer options.
///
/// To add an option, declare it here and apply it in `ConvertArguments.init`.
struct ConvertOptions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a VOTable to a VOParquet file.",
        discussion: """
            Reads a VOTable (TABLEDATA, BINARY or BINARY2 with an inline base64 STREAM,
            optionally gzip-compressed) as a stream. Without -o (or with -o -) the file
            goes to standard output, which must not be a terminal. A file output is written
            under a temporary name and renamed when complete.

            Sizes take an optional k, M or G suffix (powers of 1024).
            """)

    @Argument(help: "The VOTable document, or - for standard input.", completion: .file())
    var input: String

    @Option(
        name: [.short, .long], help: "Output file (- for standard output).", completion: .file(extensions: ["parquet"]))
    var output: String?

    @Option(
        help: ArgumentHelp("zstd, snappy, gzip, lz4 (LZ4_RAW) or none.", valueName: "codec"),
        completion: .list(ConvertArguments.codecs))
    var compression = "zstd"

    @Option(help: "zstd (default 3) or gzip (default 6) level.")
    var level: String?

    @Option(help: ArgumentHelp("Row-group target size (default 128M).", valueName: "size"))
    var rowGroupBytes: String?

    @Option(
        help: ArgumentHelp(
            "Most memory the writer holds; encoded pages past it wait in a temporary file (default 32M).",
            valueName: "size"))
    var memoryLimit: String?

    @Option(
        help: ArgumentHelp(
            "Threads that encode and compress pages; the output is the same for any count (default: one per processor).",
            valueName: "count"))
    var threads: String?

    @Option(help: ArgumentHelp("Most rows per row group (default 1048576).", valueName: "count"))
    var rowGroupRows: String?

    @Option(help: ArgumentHelp("Data page size limit (default 1M).", valueName: "size"))
    var pageSize: String?

    @Flag(inversion: .prefixedNo, help: "Dictionary encoding on (default) or off.")
    var dictionary: Bool?

    @Option(
        help: ArgumentHelp(
            """
            One column's encoding (repeatable): PLAIN, RLE_DICTIONARY, DELTA_BINARY_PACKED, \
            DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT.
            """,
            valueName: "column=encoding"))
    var encoding: [String] = []

    @Option(help: ArgumentHelp("Data page format: 1 (default) or 2.", valueName: "1|2"), completion: .list(["1", "2"]))
    var dataPageVersion: String?

    @Flag(help: "A CRC-32 of every page in its header.")
    var crc = false

    @Option(
        help: ArgumentHelp(
            """
            A split-block Bloom filter on the column (repeatable), sized for \
            min(--row-group-rows, 100000) distinct values at 1% false positives.
            """,
            valueName: "column"))
    var bloomFilter: [String] = []

    @Flag(inversion: .prefixedNo, help: "A ColumnIndex and OffsetIndex per column chunk (default on).")
    var pageIndex: Bool?

    @Option(
        help: ArgumentHelp("xtype=\"timestamp\" columns as string (default) or timestamp.", valueName: "kind"),
        completion: .list(["string", "timestamp"]))
    var timestampsAs: String?

    @Option(help: ArgumentHelp("Stop after this many rows and mark the result as overflowed.", valueName: "count"))
    var maxRows: String?

    @Option(
        help: ArgumentHelp("Keep the file within this many bytes, with the same overflow marking.", valueName: "size"))
    var maxBytes: String?

    func run() throws {
        let status = ConvertCommand.run(try ConvertArguments(self))
        if status != 0 { throw ExitCode(status) }
    }
}
