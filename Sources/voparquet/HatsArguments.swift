import HATS
import Parquet
import VOParquet

/// The checked command line of `voparquet hats`: the inputs, the catalog directory and the
/// import options.
struct HatsArguments {
    var inputs: [String]
    var output: String
    var options: HATSImportOptions

    init(_ command: HatsOptions) throws(UsageError) {
        guard !command.inputs.isEmpty else { throw UsageError("give at least one input VOTable") }
        guard command.inputs.filter({ $0 == "-" }).count <= 1 else {
            throw UsageError("standard input (-) can be read only once")
        }
        var output = command.output
        while output.count > 1, output.hasSuffix("/") { output.removeLast() }
        guard !output.isEmpty, output != "-" else { throw UsageError("-o needs a directory name") }
        inputs = command.inputs
        self.output = output
        let name = command.catalogName ?? String(output.split(separator: "/").last ?? Substring(output))
        guard !name.isEmpty else { throw UsageError("--catalog-name must not be empty") }
        options = HATSImportOptions(catalogName: name, raColumn: command.ra, decColumn: command.dec)
        guard command.pixelThreshold > 0 else {
            throw UsageError("--pixel-threshold must be positive, got \(command.pixelThreshold)")
        }
        guard (0...29).contains(command.highestOrder), (0...29).contains(command.lowestOrder),
            command.lowestOrder <= command.highestOrder
        else {
            throw UsageError(
                "--lowest-order \(command.lowestOrder) and --highest-order \(command.highestOrder) must satisfy "
                    + "0 <= lowest <= highest <= 29")
        }
        options.pixelThreshold = command.pixelThreshold
        options.highestOrder = command.highestOrder
        options.lowestOrder = command.lowestOrder
        options.dropsInvalidPositions = command.dropInvalidPositions
        options.builder = "voparquet v\(CreatedBy.version)"
        try applyWriterOptions(command)
    }

    /// The writer options shared with `convert`.
    private mutating func applyWriterOptions(_ command: HatsOptions) throws(UsageError) {
        var level: Int32?
        if let text = command.level {
            guard let parsed = Int32(text) else { throw UsageError("--level needs an integer, got '\(text)'") }
            level = parsed
        }
        options.output.writer.compression = try ConvertArguments.compression(command.compression, level: level)
        if let text = command.memoryLimit {
            options.output.writer.memoryLimit = try ConvertArguments.size(text, "--memory-limit")
        }
        if let text = command.threads {
            options.output.writer.encodingThreadCount = try ConvertArguments.threadCount(text)
        }
        if let text = command.rowGroupBytes {
            options.output.writer.rowGroupTargetBytes = try ConvertArguments.size(text, "--row-group-bytes")
        }
        if let text = command.rowGroupRows {
            options.output.writer.maxRowGroupRows = try ConvertArguments.size(text, "--row-group-rows")
        }
        if let text = command.pageSize {
            options.output.writer.dataPageSizeLimit = try ConvertArguments.size(text, "--page-size")
        }
        if let dictionary = command.dictionary {
            options.output.writer.encoding = dictionary ? .dictionary : .plain
        }
        switch command.timestampsAs {
        case nil: break
        case "string": options.output.timestamps = .string
        case "timestamp": options.output.timestamps = .timestamp
        case let other?: throw UsageError("--timestamps-as must be 'string' or 'timestamp', got '\(other)'")
        }
    }
}
