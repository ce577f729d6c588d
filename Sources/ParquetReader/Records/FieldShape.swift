import ParquetFormat

/// How a schema node's values are assembled into record values: which nodes are lists
/// and maps (following the format's backward-compatibility rules) and which are structs.
public indirect enum FieldShape: Sendable, Hashable {
    /// A primitive leaf.
    case primitive(node: Int)
    /// A struct of `fields`.
    case group(node: Int, fields: [FieldShape])
    /// A list held by `node`, whose elements are the occurrences of the `repeated` node.
    /// `node == repeated` for an unannotated repeated field (a 1-level list); an element
    /// whose node is `repeated` is a legacy 2-level list's element.
    case list(node: Int, repeated: Int, element: FieldShape)
    /// A map held by `node`, whose `repeated` key/value group has a key and an optional value.
    case map(node: Int, repeated: Int, key: FieldShape, value: FieldShape?)

    /// The schema node the shape describes.
    public var node: Int {
        switch self {
        case .primitive(let node), .group(let node, _), .list(let node, _, _), .map(let node, _, _, _): node
        }
    }

    /// The shape of `node` in `schema`.
    public init(node index: Int, in schema: SchemaTree) {
        let node = schema.nodes[index]
        if node.repetition == .repeated {
            self = .list(node: index, repeated: index, element: Self.content(of: index, in: schema))
            return
        }
        if let list = Self.listShape(node, in: schema) {
            self = list
        } else if let map = Self.mapShape(node, in: schema) {
            self = map
        } else {
            self = Self.content(of: index, in: schema)
        }
    }

    /// The node's own value without regard to its repetition: a primitive or a struct.
    private static func content(of index: Int, in schema: SchemaTree) -> FieldShape {
        let node = schema.nodes[index]
        if node.isLeaf {
            return .primitive(node: index)
        }
        return .group(node: index, fields: node.children.map { FieldShape(node: $0, in: schema) })
    }

    /// A LIST-annotated group with one repeated child. The child is the element itself
    /// (2-level) when it is a primitive, a group of several fields, or a group named
    /// `array` or `<list name>_tuple`; otherwise its only field is the element (3-level).
    private static func listShape(_ node: SchemaNode, in schema: SchemaTree) -> FieldShape? {
        guard !node.isLeaf, node.element.logicalType == .list || node.element.convertedType == .list,
            node.children.count == 1
        else { return nil }
        let repeated = schema.nodes[node.children[0]]
        guard repeated.repetition == .repeated else { return nil }
        let element: FieldShape
        if repeated.isLeaf || repeated.children.count > 1 || repeated.name == "array"
            || repeated.name == node.name + "_tuple"
        {
            element = content(of: repeated.index, in: schema)
        } else {
            element = FieldShape(node: repeated.children[0], in: schema)
        }
        return .list(node: node.index, repeated: repeated.index, element: element)
    }

    /// A MAP (or legacy MAP_KEY_VALUE) group whose one repeated child holds a key and
    /// optionally a value.
    private static func mapShape(_ node: SchemaNode, in schema: SchemaTree) -> FieldShape? {
        guard !node.isLeaf,
            node.element.logicalType == .map || node.element.convertedType == .map
                || node.element.convertedType == .mapKeyValue,
            node.children.count == 1
        else { return nil }
        let repeated = schema.nodes[node.children[0]]
        guard repeated.repetition == .repeated, !repeated.isLeaf, (1...2).contains(repeated.children.count) else {
            return nil
        }
        let key = FieldShape(node: repeated.children[0], in: schema)
        let value = repeated.children.count == 2 ? FieldShape(node: repeated.children[1], in: schema) : nil
        return .map(node: node.index, repeated: repeated.index, key: key, value: value)
    }
}
