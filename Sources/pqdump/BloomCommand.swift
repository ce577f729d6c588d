import ParquetReader

/// `pqdump bloom --column PATH VALUE…`: probes the column's Bloom filter in each row group
/// for each value: "maybe" (the filter may hold it) or "no" (the chunk certainly lacks it).
enum BloomCommand {
    static func run(_ context: DumpContext) throws(CommandFailure) {
        let leaf = try LeafLookup.leaf(context.invocation.column, in: context.schema)
        let kind = context.renderer.kind(ofLeaf: leaf.index)
        let probes = try context.invocation.values.map { (text) throws(CommandFailure) in
            guard let bytes = BloomProbeValue.plainBytes(text, leaf: leaf, kind: kind) else {
                throw CommandFailure("'\(text)' is not a value of column \(leaf.dottedPath) (\(leaf.physicalType))")
            }
            return (text: text, bytes: bytes)
        }
        var rowGroups: [JSON] = []
        for rowGroup in context.reader.metadata.rowGroups.indices {
            let filter: BloomFilter?
            do {
                filter = try context.reader.bloomFilter(rowGroup: rowGroup, column: leaf.index)
            } catch {
                throw CommandFailure(error)
            }
            let results = filter.map { filter in probes.map { filter.mightContain(plainEncoded: $0.bytes) } }
            if context.invocation.json {
                rowGroups.append(
                    .object([
                        ("row_group", .integer(rowGroup)),
                        ("bloom_filter_bytes", .optional(filter?.byteCount) { .integer($0) }),
                        (
                            "values",
                            .optional(results) { results in
                                .array(
                                    zip(probes, results).map {
                                        .object([("value", .string($0.text)), ("maybe", .bool($1))])
                                    })
                            }
                        ),
                    ]))
            } else if let results {
                for (probe, maybe) in zip(probes, results) {
                    context.output.line("row group \(rowGroup): \(probe.text): \(maybe ? "maybe" : "no")")
                }
            } else {
                context.output.line("row group \(rowGroup): no Bloom filter on \(leaf.dottedPath)")
            }
        }
        if context.invocation.json {
            context.output.line(
                JSON.object([("path", .string(leaf.dottedPath)), ("row_groups", .array(rowGroups))]).text)
        }
    }
}
