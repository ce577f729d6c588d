import ParquetFormat
import ParquetReader

/// What every command works from: the open file and how to present its values.
struct DumpContext {
    let reader: ParquetFileReader
    let renderer: ValueRenderer
    let invocation: Invocation
    let output: Output

    init(reader: ParquetFileReader, invocation: Invocation, output: Output) {
        self.reader = reader
        self.renderer = ValueRenderer(schema: reader.schema)
        self.invocation = invocation
        self.output = output
    }

    var schema: SchemaTree { reader.schema }

    /// A statistics or page-index bound of `leaf`, as JSON in the row value conventions;
    /// bytes of the wrong size for the type are shown as base64 under `invalid`.
    func boundJSON(_ bytes: [UInt8]?, leaf: Int) -> JSON {
        guard let bytes else { return .null }
        guard let value = schema.leaves[leaf].statisticsValue(bytes) else {
            return .object([("invalid", .string(Base64.encode(bytes)))])
        }
        return renderer.json(value, kind: renderer.kind(ofLeaf: leaf))
    }

    /// Statistics with typed bounds, or null.
    func statisticsJSON(_ statistics: Statistics?, leaf: Int) -> JSON {
        guard let statistics else { return .null }
        let order = StatisticsOrder(schema.leaves[leaf], kind: renderer.kind(ofLeaf: leaf))
        let bounds = statistics.bounds(order: order)
        var members: [(String, JSON)] = [
            ("min", boundJSON(bounds.min, leaf: leaf)),
            ("max", boundJSON(bounds.max, leaf: leaf)),
            ("null_count", .optional(statistics.nullCount) { .integer($0) }),
            ("distinct_count", .optional(statistics.distinctCount) { .integer($0) }),
        ]
        if bounds.deprecated {
            members.append(("deprecated_min_max", .bool(true)))
        }
        if let nanCount = statistics.nanCount { members.append(("nan_count", .integer(nanCount))) }
        if let exact = statistics.isMinValueExact { members.append(("is_min_value_exact", .bool(exact))) }
        if let exact = statistics.isMaxValueExact { members.append(("is_max_value_exact", .bool(exact))) }
        return .object(members)
    }

    /// Prints `json` in JSON mode, or the text lines otherwise.
    func emit(json: @autoclosure () -> JSON, text: () -> [String]) {
        if invocation.json {
            output.line(json().text)
        } else {
            for line in text() {
                output.line(line)
            }
        }
    }
}

extension JSON {
    /// Text for a human: strings without quotes, everything else as JSON.
    var plainText: String {
        if case .string(let value) = self { return value }
        return text
    }
}
