import ParquetFormat
import ParquetReader

/// Text and JSON descriptions of the schema tree.
enum SchemaDescription {
    /// Compact text of a logical type, such as `TIMESTAMP(MICROS,UTC)` or `DECIMAL(9,2)`.
    static func text(_ logical: LogicalType) -> String {
        switch logical {
        case .string: "STRING"
        case .map: "MAP"
        case .list: "LIST"
        case .enumeration: "ENUM"
        case .decimal(let scale, let precision): "DECIMAL(\(precision),\(scale))"
        case .date: "DATE"
        case .time(let utc, let unit): "TIME(\(unitText(unit)),\(utc ? "UTC" : "local"))"
        case .timestamp(let utc, let unit): "TIMESTAMP(\(unitText(unit)),\(utc ? "UTC" : "local"))"
        case .integer(let bits, let signed): "INT(\(bits),\(signed ? "signed" : "unsigned"))"
        case .unknown: "UNKNOWN"
        case .json: "JSON"
        case .bson: "BSON"
        case .uuid: "UUID"
        case .float16: "FLOAT16"
        case .variant: "VARIANT"
        case .geometry: "GEOMETRY"
        case .geography: "GEOGRAPHY"
        case .vector: "VECTOR"
        case .unrecognized(let member): "LogicalType(\(member.header.id))"
        }
    }

    private static func unitText(_ unit: TimeUnit) -> String {
        switch unit {
        case .millis: "MILLIS"
        case .micros: "MICROS"
        case .nanos: "NANOS"
        case .unrecognized: "?"
        }
    }

    /// The top-level fields as a JSON tree.
    static func json(_ schema: SchemaTree) -> JSON {
        .array(schema.root.children.map { json(node: $0, in: schema) })
    }

    private static func json(node index: Int, in schema: SchemaTree) -> JSON {
        let node = schema.nodes[index]
        let element = node.element
        var members: [(String, JSON)] = [
            ("name", .string(node.name)), ("repetition", .string(node.repetition.description)),
        ]
        if let type = element.type {
            members.append(("physical_type", .string(type.description)))
        }
        if let length = element.typeLength, element.type == .fixedLenByteArray {
            members.append(("type_length", .integer(length)))
        }
        members.append(("logical_type", .optional(element.logicalType) { .string(text($0)) }))
        members.append(("converted_type", .optional(element.convertedType) { .string($0.description) }))
        if let scale = element.scale { members.append(("scale", .integer(scale))) }
        if let precision = element.precision { members.append(("precision", .integer(precision))) }
        if let fieldID = element.fieldID { members.append(("field_id", .integer(fieldID))) }
        if let leaf = node.leafIndex {
            let column = schema.leaves[leaf]
            members.append(("path", .string(column.dottedPath)))
            members.append(("max_definition_level", .integer(column.maxDefinitionLevel)))
            members.append(("max_repetition_level", .integer(column.maxRepetitionLevel)))
        } else {
            members.append(("children", .array(node.children.map { json(node: $0, in: schema) })))
        }
        return .object(members)
    }

    /// The tree as indented lines: name, repetition, physical, logical and converted types.
    static func lines(_ schema: SchemaTree) -> [String] {
        var lines: [String] = []
        func visit(_ index: Int, depth: Int) {
            let node = schema.nodes[index]
            let element = node.element
            var parts = [node.repetition.description.lowercased()]
            if let type = element.type {
                parts.append(
                    type == .fixedLenByteArray ? "FIXED_LEN_BYTE_ARRAY(\(element.typeLength ?? 0))" : type.description)
            } else {
                parts.append("group")
            }
            parts.append(node.name)
            if let logical = element.logicalType {
                parts.append(text(logical))
            }
            if let converted = element.convertedType {
                parts.append("[\(converted)]")
            }
            if let leaf = node.leafIndex {
                let column = schema.leaves[leaf]
                parts.append("(def \(column.maxDefinitionLevel), rep \(column.maxRepetitionLevel))")
            }
            lines.append(String(repeating: "  ", count: depth) + parts.joined(separator: " "))
            for child in node.children {
                visit(child, depth: depth + 1)
            }
        }
        for field in schema.root.children {
            visit(field, depth: 0)
        }
        return lines
    }
}
