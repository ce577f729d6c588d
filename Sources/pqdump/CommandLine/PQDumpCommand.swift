import ArgumentParser
import Parquet

/// The `pqdump` command line: one subcommand per view of a Parquet file, `meta` when
/// none is named.
struct PQDumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pqdump",
        abstract: "Inspect and check Parquet files.",
        discussion: """
            Without a subcommand, pqdump prints the summary of `meta`: pqdump FILE.
            With --json every subcommand prints JSON (Docs/pqdump.md describes it).

            Exit status: 0 on success; 1 when the file cannot be read or `check` finds
            a problem; 2 for a bad command line. Every failure prints one line on
            standard error, starting "pqdump: ".
            """,
        version: CreatedBy.string,
        subcommands: [
            Meta.self, Summary.self, Schema.self, Footer.self, Pages.self, Index.self, Rows.self, DictionaryPage.self,
            Bloom.self,
            Check.self, VOTable.self,
        ],
        defaultSubcommand: Meta.self)
}

/// A pqdump subcommand: its parsed options as the ``Invocation`` the commands run with.
protocol DumpSubcommand: ParsableCommand {
    var invocation: Invocation { get }
}

/// The FILE argument and `--json` flag that every subcommand takes.
struct FileArguments: ParsableArguments {
    @Argument(help: "The Parquet file.", completion: .file(extensions: ["parquet"]))
    var file: String

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func invocation(_ command: Invocation.Command) -> Invocation {
        Invocation(command: command, path: file, json: json)
    }
}
