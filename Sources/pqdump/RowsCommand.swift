import ParquetCompression
import ParquetReader

/// `pqdump rows`: the records, one per line: a JSON object keyed by top-level column
/// name, a CSV line under a header line, or `name=value` pairs in text mode. Decodes one
/// row group at a time and skips the row groups before `--offset` undecoded.
enum RowsCommand {
    static func run(_ context: DumpContext) throws(CommandFailure) {
        let schema = context.schema
        let invocation = context.invocation
        let fields: [Int]
        if let names = invocation.columns {
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
        if invocation.csv {
            context.output.line(names.map(CSV.field).joined(separator: ","))
        }
        var skip = invocation.offset
        var remaining = invocation.head ?? Int.max
        for (rowGroup, metadata) in context.reader.metadata.rowGroups.enumerated() where remaining > 0 {
            if skip >= metadata.numRows {
                skip -= Int(metadata.numRows)
                continue
            }
            let records: [[RecordValue]]
            do {
                records = try context.reader.readRecords(rowGroup: rowGroup, fields: fields)
            } catch {
                throw CommandFailure(error.description)
            }
            let wanted = records.dropFirst(skip).prefix(remaining)
            skip = 0
            for record in wanted {
                let values = zip(record, shapes).map { context.renderer.json($0, shape: $1) }
                if invocation.json {
                    context.output.line(JSON.object(Array(zip(names, values))).text)
                } else if invocation.csv {
                    context.output.line(values.map(CSV.field).joined(separator: ","))
                } else {
                    context.output.line(zip(names, values).map { "\($0)=\($1.text)" }.joined(separator: " "))
                }
            }
            remaining -= wanted.count
        }
    }
}
