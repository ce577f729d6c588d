import ParquetCompression
import ParquetReader

/// `pqdump rows`: the records, one per line: a JSON object keyed by top-level column
/// name, or `name=value` pairs in text mode. Decodes one row group at a time.
enum RowsCommand {
    static func run(_ context: DumpContext) throws(CommandFailure) {
        let schema = context.schema
        let fields: [Int]
        if let names = context.invocation.columns {
            fields = try names.map { (name) throws(CommandFailure) in
                guard let field = schema.field(named: name) else {
                    throw CommandFailure("no top-level column named '\(name)'")
                }
                return field.index
            }
        } else {
            fields = schema.root.children
        }
        let shapes = fields.map { FieldShape(node: $0, in: schema) }
        let names = fields.map { schema.nodes[$0].name }
        var remaining = context.invocation.head ?? Int.max
        for rowGroup in context.reader.metadata.rowGroups.indices where remaining > 0 {
            let records: [[RecordValue]]
            do {
                records = try context.reader.readRecords(rowGroup: rowGroup, fields: fields)
            } catch {
                throw CommandFailure(error.description)
            }
            for record in records.prefix(remaining) {
                let values = zip(record, shapes).map { context.renderer.json($0, shape: $1) }
                if context.invocation.json {
                    context.output.line(JSON.object(Array(zip(names, values))).text)
                } else {
                    context.output.line(zip(names, values).map { "\($0)=\($1.text)" }.joined(separator: " "))
                }
            }
            remaining -= min(remaining, records.count)
        }
    }
}
