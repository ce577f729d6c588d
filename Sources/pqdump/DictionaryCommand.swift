import ParquetCompression
import ParquetReader

/// `pqdump dictionary --column PATH`: the entries of the column's dictionary page in each
/// row group, in dictionary order, in the value conventions of `rows`.
enum DictionaryCommand {
    static func run(_ context: DumpContext) throws(CommandFailure) {
        let leaf = try LeafLookup.leaf(context.invocation.column, in: context.schema)
        let kind = context.renderer.kind(ofLeaf: leaf.index)
        let decompressor = PageDecompressor()
        var rowGroups: [JSON] = []
        for rowGroup in context.reader.metadata.rowGroups.indices {
            let dictionary: ColumnValues?
            do {
                dictionary = try context.reader.dictionary(
                    rowGroup: rowGroup, column: leaf.index, decompressor: decompressor)
            } catch {
                throw CommandFailure(error)
            }
            let entries = dictionary.map { values in
                (0..<values.count).map { context.renderer.json(values.recordValue(at: $0), kind: kind) }
            }
            if context.invocation.json {
                rowGroups.append(
                    .object([("row_group", .integer(rowGroup)), ("entries", .optional(entries) { .array($0) })]))
            } else if let entries {
                context.output.line("row group \(rowGroup), column \(leaf.dottedPath): \(entries.count) entries")
                for (index, entry) in entries.enumerated() {
                    context.output.line("  \(index): \(entry.text)")
                }
            } else {
                context.output.line("row group \(rowGroup), column \(leaf.dottedPath): no dictionary page")
            }
        }
        if context.invocation.json {
            context.output.line(
                JSON.object([("path", .string(leaf.dottedPath)), ("row_groups", .array(rowGroups))]).text)
        }
    }
}
