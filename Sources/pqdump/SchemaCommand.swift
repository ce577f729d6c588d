import ParquetReader

/// `pqdump schema`: the schema tree.
enum SchemaCommand {
    static func run(_ context: DumpContext) {
        context.emit(json: .object([("schema", SchemaDescription.json(context.schema))])) {
            SchemaDescription.lines(context.schema)
        }
    }
}
