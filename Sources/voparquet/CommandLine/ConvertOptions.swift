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

    @OptionGroup var writer: WriterOptionFlags

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
