import ParquetFormat

/// The schema of a file as a tree, with the definition and repetition levels of every
/// node and the leaf columns in column-chunk order.
public struct SchemaTree: Sendable, Hashable {
    /// Every node, in `FileMetaData.schema` order; `nodes[0]` is the root.
    public let nodes: [SchemaNode]
    /// The leaf columns in schema order.
    public let leaves: [LeafColumn]

    /// Levels are stored in one byte each, so no path may be deeper than this.
    static let maximumLevel = 255
    /// A FIXED_LEN_BYTE_ARRAY longer than this is taken to be corrupt metadata.
    static let maximumTypeLength = 1 << 24

    /// The root node, the schema's message.
    public var root: SchemaNode { nodes[0] }
    /// The top-level fields (the root's children).
    public var fields: [SchemaNode] { nodes[0].children.map { nodes[$0] } }

    /// Builds the tree from the depth-first element list of a footer.
    ///
    /// Every inconsistency (a child count that overruns the list, a leaf without a type,
    /// nesting beyond 255 levels) is an error naming the element.
    public init(_ elements: [SchemaElement]) throws(SchemaError) {
        guard let rootElement = elements.first else {
            throw SchemaError(elementIndex: nil, message: "the schema is empty")
        }
        guard rootElement.type == nil, let rootChildren = rootElement.numChildren, rootChildren > 0 else {
            throw SchemaError(elementIndex: 0, message: "the root must be a group with at least one child")
        }
        var nodes: [SchemaNode] = []
        nodes.reserveCapacity(elements.count)
        var leaves: [LeafColumn] = []
        nodes.append(
            SchemaNode(
                index: 0, element: rootElement, parent: nil, children: [], path: [],
                definitionLevel: 0, repetitionLevel: 0, leaves: 0..<0, leafIndex: nil))
        // Groups still waiting for children: (node index, children left).
        var open: [(node: Int, remaining: Int)] = [(0, Int(rootChildren))]
        for index in 1..<elements.count {
            while let last = open.last, last.remaining == 0 {
                open.removeLast()
            }
            guard !open.isEmpty else {
                throw SchemaError(
                    elementIndex: index, message: "element lies outside the tree the child counts describe")
            }
            let parentIndex = open[open.count - 1].node
            open[open.count - 1].remaining -= 1
            let element = elements[index]
            let parent = nodes[parentIndex]
            let repetition = element.repetitionType ?? .required
            guard [.required, .optional, .repeated].contains(repetition) else {
                throw SchemaError(elementIndex: index, message: "unsupported repetition type \(repetition)")
            }
            let definitionLevel = parent.definitionLevel + (repetition == .required ? 0 : 1)
            let repetitionLevel = parent.repetitionLevel + (repetition == .repeated ? 1 : 0)
            guard parent.path.count < Self.maximumLevel else {
                throw SchemaError(elementIndex: index, message: "nesting deeper than \(Self.maximumLevel) levels")
            }
            let path = parent.path + [element.name]
            let childCount = Int(element.numChildren ?? 0)
            var leafIndex: Int?
            if let type = element.type, childCount == 0 {
                let typeLength = try Self.typeLength(of: element, type: type, index: index)
                leafIndex = leaves.count
                leaves.append(
                    LeafColumn(
                        index: leaves.count, node: index, path: path, physicalType: type, typeLength: typeLength,
                        maxDefinitionLevel: definitionLevel, maxRepetitionLevel: repetitionLevel, element: element))
            } else if element.type != nil || childCount <= 0 {
                throw SchemaError(
                    elementIndex: index,
                    message: "'\(element.name)' is neither a leaf with a type nor a group with children")
            }
            nodes.append(
                SchemaNode(
                    index: index, element: element, parent: parentIndex, children: [], path: path,
                    definitionLevel: definitionLevel, repetitionLevel: repetitionLevel,
                    leaves: leafIndex.map { $0..<($0 + 1) } ?? 0..<0, leafIndex: leafIndex))
            nodes[parentIndex].children.append(index)
            if childCount > 0 {
                open.append((index, childCount))
            }
        }
        if let unfinished = open.first(where: { $0.remaining > 0 }) {
            throw SchemaError(
                elementIndex: unfinished.node,
                message:
                    "'\(nodes[unfinished.node].name)' declares \(unfinished.remaining) more children than the schema holds"
            )
        }
        // Children follow their parent, so a reverse pass sees every child before its parent.
        for index in stride(from: nodes.count - 1, through: 0, by: -1) where !nodes[index].isLeaf {
            let first = nodes[nodes[index].children.first!].leaves.lowerBound
            let last = nodes[nodes[index].children.last!].leaves.upperBound
            nodes[index].leaves = first..<last
        }
        self.nodes = nodes
        self.leaves = leaves
    }

    private static func typeLength(of element: SchemaElement, type: PhysicalType, index: Int) throws(SchemaError) -> Int
    {
        switch type {
        case .boolean, .int32, .int64, .float, .double, .byteArray:
            return 0
        case .int96:
            return 12
        case .fixedLenByteArray:
            guard let length = element.typeLength, length >= 0, length <= maximumTypeLength else {
                throw SchemaError(
                    elementIndex: index,
                    message: "FIXED_LEN_BYTE_ARRAY '\(element.name)' needs a type_length in 0...\(maximumTypeLength)")
            }
            return Int(length)
        default:
            throw SchemaError(elementIndex: index, message: "unknown physical type \(type) of '\(element.name)'")
        }
    }

    /// The top-level field with this name.
    public func field(named name: String) -> SchemaNode? {
        fields.first { $0.name == name }
    }
}

/// A schema element list that does not form a valid tree.
public struct SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Index in `FileMetaData.schema` of the offending element, when there is one.
    public var elementIndex: Int?
    /// What is wrong.
    public var message: String

    public var description: String {
        elementIndex.map { "schema[\($0)]: \(message)" } ?? message
    }
}
