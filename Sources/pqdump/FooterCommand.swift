import ParquetFormat

/// `pqdump footer`: the FileMetaData as decoded, every field, under its parquet.thrift
/// name. JSON on one line with `--json`, indented otherwise.
enum FooterCommand {
    static func run(_ context: DumpContext) {
        let json = ThriftJSON.json(context.reader.metadata)
        if context.invocation.json {
            context.output.line(json.text)
        } else {
            context.output.line(json.indentedText)
        }
    }
}
