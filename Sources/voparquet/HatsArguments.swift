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
        try command.writer.apply(to: &options.output)
    }
}
