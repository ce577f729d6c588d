import ParquetFormat

/// A primitive column of the schema: what every column chunk of a row group stores.
public struct LeafColumn: Sendable, Hashable {
    /// Position among the leaves, which is also the column chunk's index in each row group.
    public let index: Int
    /// The leaf's node index in `SchemaTree.nodes`.
    public let node: Int
    /// Names from the top-level field down to the leaf, as in `path_in_schema`.
    public let path: [String]
    /// The column's physical type.
    public let physicalType: PhysicalType
    /// Byte length of FIXED_LEN_BYTE_ARRAY values, 12 for INT96, otherwise 0.
    public let typeLength: Int
    /// The definition level of a present value.
    public let maxDefinitionLevel: Int
    /// The repetition level of the deepest repeated ancestor (0 for flat columns).
    public let maxRepetitionLevel: Int
    /// The leaf's schema element, with its logical and converted types.
    public let element: SchemaElement

    /// `path` joined with dots, as tools print it.
    public var dottedPath: String { path.joined(separator: ".") }
}
