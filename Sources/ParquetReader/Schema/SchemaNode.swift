import ParquetFormat

/// One node of the schema tree: the root, a group, or a leaf (primitive) column.
public struct SchemaNode: Sendable, Hashable {
    /// Position in `FileMetaData.schema`, which is also the node's index in `SchemaTree.nodes`.
    public let index: Int
    /// The schema element as stored in the footer.
    public let element: SchemaElement
    /// The parent node's index; nil for the root.
    public let parent: Int?
    /// Child node indexes in schema order; empty for leaves.
    public internal(set) var children: [Int]
    /// Names from the top-level field down to this node (empty for the root).
    public let path: [String]
    /// The definition level at which this node is present: the number of OPTIONAL and
    /// REPEATED nodes from the root down to and including this one.
    public let definitionLevel: Int
    /// The number of REPEATED nodes from the root down to and including this one.
    public let repetitionLevel: Int
    /// The leaf columns (by leaf index) under this node; a leaf's range holds only itself.
    public internal(set) var leaves: Range<Int>
    /// The leaf index of a leaf node; nil for groups.
    public let leafIndex: Int?

    /// The element's name.
    public var name: String { element.name }
    /// Whether the node is a primitive (leaf) column.
    public var isLeaf: Bool { leafIndex != nil }
    /// The node's repetition; the root and nodes that omit it count as REQUIRED.
    public var repetition: FieldRepetitionType {
        parent == nil ? .required : element.repetitionType ?? .required
    }
}
