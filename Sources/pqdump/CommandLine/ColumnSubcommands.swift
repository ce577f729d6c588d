import ArgumentParser

// The subcommands that look at one leaf column or at the rows.
extension PQDumpCommand {
    struct Pages: DumpSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Every page header of every column chunk, with decoded counts and CRC status.")
        @OptionGroup var file: FileArguments
        @Option(help: "Only the column with this dotted path.")
        var column: String?

        var invocation: Invocation {
            var invocation = file.invocation(.pages)
            invocation.column = column
            return invocation
        }
    }

    struct DictionaryPage: DumpSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "dictionary",
            abstract: "The dictionary page entries of one column, per row group.")
        @OptionGroup var file: FileArguments
        @Option(help: "The dotted path of the column.")
        var column: String

        var invocation: Invocation {
            var invocation = file.invocation(.dictionary)
            invocation.column = column
            return invocation
        }
    }

    struct Bloom: DumpSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Probe the Bloom filters of one column for values.",
            discussion: """
                For each row group, says whether each VALUE may be present ("maybe") or is
                certainly absent ("no"), or that the chunk has no filter. Values are read by
                the column's type: integers, floating-point numbers, text for strings, and
                xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx for UUIDs; DATE, TIME, TIMESTAMP and
                DECIMAL columns take their stored integer.
                """)
        @OptionGroup var file: FileArguments
        @Option(help: "The dotted path of the column.")
        var column: String
        @Argument(help: "The values to probe for.")
        var values: [String]

        var invocation: Invocation {
            var invocation = file.invocation(.bloom)
            invocation.column = column
            invocation.values = values
            return invocation
        }
    }

    struct Rows: DumpSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "The records, one per line: name=value text, JSON objects or CSV.",
            discussion: "Row groups before --offset are skipped without being decoded.")
        @Argument(help: "The Parquet file.", completion: .file(extensions: ["parquet"]))
        var file: String
        @Option(help: "Skip this many rows first.")
        var offset = 0
        @Option(help: "Print at most this many rows.")
        var head: Int?
        @Option(
            help: ArgumentHelp("Only these top-level columns, in this order.", valueName: "a,b"),
            transform: Rows.columnNames)
        var columns: [String]?
        @Flag(exclusivity: .exclusive, help: "The output format (default: text).")
        var format: RowsFormat = .text

        func validate() throws {
            guard offset >= 0 else { throw ValidationError("--offset needs a non-negative integer, not '\(offset)'") }
            if let head, head < 0 { throw ValidationError("--head needs a non-negative integer, not '\(head)'") }
        }

        var invocation: Invocation {
            var invocation = Invocation(command: .rows, path: file, json: format == .json)
            invocation.csv = format == .csv
            invocation.offset = offset
            invocation.head = head
            invocation.columns = columns
            return invocation
        }

        private static func columnNames(_ text: String) throws -> [String] {
            let names = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard !names.contains("") else { throw ValidationError("--columns needs comma-separated column names") }
            return names
        }
    }
}

/// How `pqdump rows` prints records.
enum RowsFormat: String, EnumerableFlag {
    /// `name=value` pairs, values in the JSON conventions.
    case text
    /// One JSON object per line.
    case json
    /// A header line of column names, then one line per row.
    case csv

    static func help(for value: RowsFormat) -> ArgumentHelp? {
        switch value {
        case .text: "name=value pairs."
        case .json: "One JSON object per line."
        case .csv: "Comma-separated values (RFC 4180) with a header line."
        }
    }
}
