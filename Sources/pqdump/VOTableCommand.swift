import VOParquet

/// `pqdump votable`: the VOTable document a VOParquet file embeds, laid out for reading.
enum VOTableCommand {
    static func run(_ context: DumpContext) throws(CommandFailure) {
        guard let summary = VOParquetSummary(context.reader), let content = summary.content else {
            throw CommandFailure("the file has no \(VOParquetSummary.contentKey) key: it is not VOParquet")
        }
        let document: String
        do throws(VOParquetError) {
            document = try VOTablePrettyPrinter.format(content)
        } catch {
            throw CommandFailure("\(VOParquetSummary.contentKey) is not well-formed: \(error)")
        }
        context.emit(
            json: .object([
                ("version", .optional(summary.version) { .string($0) }),
                ("fields", .optional(summary.fieldCount) { .int(Int128($0)) }),
                ("document", .string(document)),
            ])
        ) {
            document.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
    }
}
