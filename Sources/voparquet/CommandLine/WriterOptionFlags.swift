import ArgumentParser
import Parquet
import VOParquet

/// The writer options that `convert` and `hats` share, as typed, and how they apply to
/// the VOParquet writer's options.
struct WriterOptionFlags: ParsableArguments {
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
            "Most memory a writer holds; encoded pages past it wait in a temporary file (default 32M).",
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
        help: ArgumentHelp("xtype=\"timestamp\" columns as string (default) or timestamp.", valueName: "kind"),
        completion: .list(["string", "timestamp"]))
    var timestampsAs: String?

    /// Sets what the flags ask for in `options`, or throws the usage error of the first bad value.
    func apply(to options: inout VOParquetOptions) throws(UsageError) {
        var parsedLevel: Int32?
        if let text = level {
            guard let parsed = Int32(text) else { throw UsageError("--level needs an integer, got '\(text)'") }
            parsedLevel = parsed
        }
        options.writer.compression = try ConvertArguments.compression(compression, level: parsedLevel)
        if let text = rowGroupBytes {
            options.writer.rowGroupTargetBytes = try ConvertArguments.size(text, "--row-group-bytes")
        }
        if let text = memoryLimit {
            options.writer.memoryLimit = try ConvertArguments.size(text, "--memory-limit")
        }
        if let text = threads {
            guard let count = Int(text), (1...WriterOptions.maxEncodingThreadCount).contains(count) else {
                throw UsageError(
                    "--threads needs a count from 1 to \(WriterOptions.maxEncodingThreadCount), got '\(text)'")
            }
            options.writer.encodingThreadCount = count
        }
        if let text = rowGroupRows {
            options.writer.maxRowGroupRows = try ConvertArguments.size(text, "--row-group-rows")
        }
        if let text = pageSize {
            options.writer.dataPageSizeLimit = try ConvertArguments.size(text, "--page-size")
        }
        if let dictionary {
            options.writer.encoding = dictionary ? .dictionary : .plain
        }
        switch timestampsAs {
        case nil: break
        case "string": options.timestamps = .string
        case "timestamp": options.timestamps = .timestamp
        case let other?: throw UsageError("--timestamps-as must be 'string' or 'timestamp', got '\(other)'")
        }
    }
}
