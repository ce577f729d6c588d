/// Rebuilds records from the decoded column chunks of one row group (the inverse of
/// Dremel striping): definition levels say how deep a value is defined, repetition
/// levels where a list continues.
///
/// Levels that contradict each other (columns of one field that disagree, a repetition
/// level deeper than the list being read) are errors, never traps.
public struct RecordAssembler {
    private let schema: SchemaTree
    private let shapes: [FieldShape]
    private var cursors: [Int: LeafCursor]
    private let rowGroupIndex: Int
    private var rowIndex = 0

    /// Assembles the top-level fields `fields` (node indexes) from `chunks`, which must
    /// hold every leaf under those fields, keyed by leaf index.
    public init(schema: SchemaTree, fields: [Int], chunks: [Int: ColumnChunkData], rowGroupIndex: Int)
        throws(ParquetReaderError)
    {
        self.schema = schema
        self.rowGroupIndex = rowGroupIndex
        shapes = fields.map { FieldShape(node: $0, in: schema) }
        var cursors: [Int: LeafCursor] = [:]
        for field in fields {
            for leaf in schema.nodes[field].leaves {
                guard let chunk = chunks[leaf] else {
                    throw ParquetReaderError(
                        offset: nil, structure: "row group \(rowGroupIndex)",
                        message: "column \(schema.leaves[leaf].dottedPath) was not decoded")
                }
                cursors[leaf] = LeafCursor(chunk)
            }
        }
        self.cursors = cursors
    }

    /// The next record's values for the requested fields, or nil once every column is
    /// exhausted.
    public mutating func next() throws(ParquetReaderError) -> [RecordValue]? {
        if cursors.values.allSatisfy(\.isAtEnd) {
            return nil
        }
        var values: [RecordValue] = []
        values.reserveCapacity(shapes.count)
        for shape in shapes {
            values.append(try readField(shape))
        }
        for (leaf, cursor) in cursors where !cursor.isAtEnd && cursor.repetitionLevel != 0 {
            throw inconsistency(leaf, "record \(rowIndex) ends inside a list")
        }
        rowIndex += 1
        return values
    }

    // MARK: - Reading by shape

    /// Reads a field whose parent is present.
    private mutating func readField(_ shape: FieldShape) throws(ParquetReaderError) -> RecordValue {
        let node = schema.nodes[shape.node]
        if case .list(_, let repeated, _) = shape, repeated == shape.node {
            return try readContent(shape)
        }
        if node.repetition == .optional, try definitionLevel(under: node) < node.definitionLevel {
            try skip(node)
            return .null
        }
        return try readContent(shape)
    }

    /// Reads the value of a node known to be present.
    private mutating func readContent(_ shape: FieldShape) throws(ParquetReaderError) -> RecordValue {
        switch shape {
        case .primitive(let node):
            return try takeValue(leaf: schema.nodes[node].leafIndex!)
        case .group(_, let fields):
            var values: [RecordValue] = []
            values.reserveCapacity(fields.count)
            for field in fields {
                values.append(try readField(field))
            }
            return .group(values)
        case .list(_, let repeated, let element):
            var elements: [RecordValue] = []
            try readRepeated(repeated) { (assembler) throws(ParquetReaderError) in
                elements.append(
                    element.node == repeated ? try assembler.readContent(element) : try assembler.readField(element))
            }
            return .list(elements)
        case .map(_, let repeated, let key, let value):
            var entries: [MapEntry] = []
            try readRepeated(repeated) { (assembler) throws(ParquetReaderError) in
                let keyValue = try assembler.readField(key)
                let valueValue =
                    try value.map { (value) throws(ParquetReaderError) in try assembler.readField(value) } ?? .null
                entries.append(MapEntry(key: keyValue, value: valueValue))
            }
            return .map(entries)
        }
    }

    /// Reads the occurrences of a repeated node, calling `readElement` for each.
    private mutating func readRepeated(
        _ index: Int, _ readElement: (inout RecordAssembler) throws(ParquetReaderError) -> Void
    ) throws(ParquetReaderError) {
        let node = schema.nodes[index]
        if try definitionLevel(under: node) < node.definitionLevel {
            try skip(node)
            return
        }
        let leaf = node.leaves.lowerBound
        while true {
            try readElement(&self)
            let cursor = cursors[leaf]!
            if cursor.isAtEnd || cursor.repetitionLevel < node.repetitionLevel {
                return
            }
            guard cursor.repetitionLevel == node.repetitionLevel else {
                throw inconsistency(
                    leaf, "repetition level \(cursor.repetitionLevel) is deeper than the list being read")
            }
        }
    }

    // MARK: - Cursors

    /// The definition level of the current entry of the first column under `node`, which
    /// every column under it shares up to the node's own level.
    private func definitionLevel(under node: SchemaNode) throws(ParquetReaderError) -> Int {
        let leaf = node.leaves.lowerBound
        let cursor = cursors[leaf]!
        guard !cursor.isAtEnd else { throw inconsistency(leaf, "the column ends before record \(rowIndex) does") }
        return cursor.definitionLevel
    }

    /// Consumes one entry, a null or an empty list, in every column under `node`.
    private mutating func skip(_ node: SchemaNode) throws(ParquetReaderError) {
        for leaf in node.leaves {
            guard !cursors[leaf]!.isAtEnd else {
                throw inconsistency(leaf, "the column ends before record \(rowIndex) does")
            }
            guard cursors[leaf]!.definitionLevel < node.definitionLevel else {
                throw inconsistency(leaf, "the column has a value where another column under \(node.name) has none")
            }
            cursors[leaf]!.advance()
        }
    }

    private mutating func takeValue(leaf: Int) throws(ParquetReaderError) -> RecordValue {
        guard !cursors[leaf]!.isAtEnd else {
            throw inconsistency(leaf, "the column ends before record \(rowIndex) does")
        }
        guard cursors[leaf]!.definitionLevel == schema.leaves[leaf].maxDefinitionLevel else {
            throw inconsistency(leaf, "a value is missing where the other columns of its field have one")
        }
        return cursors[leaf]!.takeValue()
    }

    private func inconsistency(_ leaf: Int, _ message: String) -> ParquetReaderError {
        ParquetReaderError(
            offset: nil, structure: "row group \(rowGroupIndex), column \(schema.leaves[leaf].dottedPath)",
            message: "inconsistent levels: \(message)")
    }
}

/// A position in one decoded column chunk: the next entry and the next non-null value.
private struct LeafCursor {
    let chunk: ColumnChunkData
    private(set) var entry = 0
    private(set) var value = 0

    init(_ chunk: ColumnChunkData) {
        self.chunk = chunk
    }

    var isAtEnd: Bool { entry >= chunk.entryCount }

    var definitionLevel: Int {
        chunk.definitionLevels.isEmpty ? chunk.column.maxDefinitionLevel : Int(chunk.definitionLevels[entry])
    }

    var repetitionLevel: Int {
        chunk.repetitionLevels.isEmpty ? 0 : Int(chunk.repetitionLevels[entry])
    }

    mutating func advance() {
        if definitionLevel == chunk.column.maxDefinitionLevel {
            value += 1
        }
        entry += 1
    }

    mutating func takeValue() -> RecordValue {
        let result = chunk.values.recordValue(at: value)
        value += 1
        entry += 1
        return result
    }
}
