import ParquetReader

/// Finds the leaf column a `--column PATH` option names.
enum LeafLookup {
    static func leaf(_ path: String?, in schema: SchemaTree) throws(CommandFailure) -> LeafColumn {
        guard let path, let leaf = schema.leaves.first(where: { $0.dottedPath == path }) else {
            throw CommandFailure("no column with path '\(path ?? "")'")
        }
        return leaf
    }
}
