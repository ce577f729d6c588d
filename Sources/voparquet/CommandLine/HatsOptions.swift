import ArgumentParser

/// `voparquet hats INPUT... -o CATALOG_DIR --ra COLUMN --dec COLUMN [options]`: the options as
/// typed. ``HatsArguments`` checks them and turns them into import options.
struct HatsOptions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hats",
        abstract: "Write VOTables as a HATS catalog (HEALPix-partitioned VOParquet files).",
        discussion: """
            Reads each VOTable as `convert` does (TABLEDATA, BINARY or BINARY2,
            optionally gzip-compressed; - for standard input), adds the _healpix_29
            column, counts the rows per HEALPix cell at --highest-order, partitions
            the sky as hats-import does (cells gathered while they hold at most
            --pixel-threshold rows, none larger than --lowest-order allows), and
            writes each partition, sorted by _healpix_29, as a VOParquet file at
            CATALOG_DIR/dataset/Norder=K/Dir=D/Npix=N.parquet, with
            dataset/_metadata, dataset/_common_metadata, partition_info.csv and
            hats.properties. Every input must have the same FIELDs.

            Memory stays near three times --memory-limit whatever the number of
            rows. The rows are sorted through temporary files, which take about
            twice their uncompressed size. The catalog is written under a temporary
            name beside CATALOG_DIR and renamed when complete; CATALOG_DIR must not
            exist.

            Sizes take an optional k, M or G suffix (powers of 1024).
            """)

    @Argument(help: "The VOTable documents, or - for standard input.", completion: .file())
    var inputs: [String]

    @Option(name: [.short, .long], help: "The catalog directory to create.", completion: .directory)
    var output: String

    @Option(help: ArgumentHelp("The FIELD with the right ascension, in degrees.", valueName: "column"))
    var ra: String

    @Option(help: ArgumentHelp("The FIELD with the declination, in degrees.", valueName: "column"))
    var dec: String

    @Option(help: ArgumentHelp("The catalog's name (default: the directory's name).", valueName: "name"))
    var catalogName: String?

    @Option(help: ArgumentHelp("The most rows in a partition.", valueName: "count"))
    var pixelThreshold: Int64 = 1_000_000

    @Option(help: ArgumentHelp("The order rows are counted at: the smallest partitions.", valueName: "order"))
    var highestOrder = 10

    @Option(help: ArgumentHelp("The order of the largest partitions allowed.", valueName: "order"))
    var lowestOrder = 0

    @Flag(help: "Leave out rows whose position is null, not finite or out of range (and count them).")
    var dropInvalidPositions = false

    @OptionGroup var writer: WriterOptionFlags

    func run() throws {
        let status = HatsCommand.run(try HatsArguments(self))
        if status != 0 { throw ExitCode(status) }
    }
}
