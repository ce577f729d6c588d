import ArgumentParser

// The subcommands that take only FILE and --json.
extension PQDumpCommand {
    struct Meta: DumpSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Summary: file, schema, key-value metadata, row groups, column chunks, statistics.")
        @OptionGroup var file: FileArguments
        var invocation: Invocation { file.invocation(.meta) }
    }

    struct Summary: DumpSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "For people: size, rows, each column's type, unit, nulls and description, the first rows.")
        @OptionGroup var file: FileArguments
        var invocation: Invocation { file.invocation(.summary) }
    }

    struct Schema: DumpSubcommand {
        static let configuration = CommandConfiguration(abstract: "The schema tree.")
        @OptionGroup var file: FileArguments
        var invocation: Invocation { file.invocation(.schema) }
    }

    struct Footer: DumpSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "The raw FileMetaData: every field of the footer as stored.",
            discussion: "Fields carry their parquet.thrift names; absent optional fields are left out.")
        @OptionGroup var file: FileArguments
        var invocation: Invocation { file.invocation(.footer) }
    }

    struct Index: DumpSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "The ColumnIndex and OffsetIndex of every column chunk.")
        @OptionGroup var file: FileArguments
        var invocation: Invocation { file.invocation(.index) }
    }

    struct Check: DumpSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate the file: structure, pages, CRCs, statistics, page index, VOParquet metadata.",
            discussion: "Exits with status 1 when anything is wrong; notes alone do not fail the check.")
        @OptionGroup var file: FileArguments
        var invocation: Invocation { file.invocation(.check) }
    }

    struct VOTable: DumpSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "votable", abstract: "The VOTable document a VOParquet file embeds, laid out for reading.")
        @OptionGroup var file: FileArguments
        var invocation: Invocation { file.invocation(.votable) }
    }
}
