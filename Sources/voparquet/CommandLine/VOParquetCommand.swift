import ArgumentParser
import Parquet

/// The `voparquet` command line.
struct VOParquetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voparquet",
        abstract: "Convert VOTable documents to VOParquet files.",
        discussion: """
            Exit status: 0 on success; 1 when the conversion fails (unreadable or invalid
            input, a write error); 2 for a bad command line. A failure prints one line on
            standard error, starting "voparquet: error: " (a bad command line adds a
            pointer to --help), and leaves no output file.
            """,
        version: CreatedBy.string,
        subcommands: [ConvertOptions.self, HatsOptions.self])

    func run() throws {
        throw ValidationError("no command given")
    }
}
