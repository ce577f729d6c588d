import ParquetFormat
import ParquetReader

/// Turns record values into JSON following pqdump's value conventions (Docs/pqdump.md):
/// logical types become dates, timestamps, decimals, UUIDs and text; other binary values
/// become base64; lists become arrays, maps arrays of `{key, value}`, structs objects.
struct ValueRenderer {
    let schema: SchemaTree
    private let kinds: [ValueKind]

    init(schema: SchemaTree) {
        self.schema = schema
        kinds = schema.leaves.map(ValueKind.init)
    }

    func kind(ofLeaf leaf: Int) -> ValueKind { kinds[leaf] }

    /// A value of the field `shape` describes.
    func json(_ value: RecordValue, shape: FieldShape) -> JSON {
        switch (value, shape) {
        case (.null, _):
            return .null
        case (_, .primitive(let node)):
            return json(value, kind: kinds[schema.nodes[node].leafIndex!])
        case (.group(let fields), .group(_, let fieldShapes)):
            return .object(
                zip(fields, fieldShapes).map { field, fieldShape in
                    (schema.nodes[fieldShape.node].name, json(field, shape: fieldShape))
                })
        case (.list(let elements), .list(_, _, let element)):
            return .array(elements.map { json($0, shape: element) })
        case (.map(let entries), .map(_, _, let key, let value)):
            return .array(
                entries.map { entry in
                    .object([
                        ("key", json(entry.key, shape: key)),
                        ("value", value.map { json(entry.value, shape: $0) } ?? .null),
                    ])
                })
        default:
            // Assembly builds values from the same shapes, so they always match.
            preconditionFailure("record value \(value) does not match its field shape")
        }
    }

    /// A primitive value of a leaf of kind `kind`.
    func json(_ value: RecordValue, kind: ValueKind) -> JSON {
        if kind == .alwaysNull {
            return .null
        }
        switch value {
        case .null: return .null
        case .boolean(let value): return .bool(value)
        case .int32(let value):
            return integerJSON(Int64(value), unsigned: UInt64(UInt32(bitPattern: value)), kind: kind)
        case .int64(let value): return integerJSON(value, unsigned: UInt64(bitPattern: value), kind: kind)
        case .int96(let value):
            guard let nanoseconds = value.nanosecondsSinceEpoch else {
                return .string("INT96(julian day \(value.high), nanoseconds \(value.low))")
            }
            return .string(TemporalText.timestamp(nanoseconds, unitsPerSecond: 1_000_000_000, adjustedToUTC: false))
        case .float(let value): return .real(Double(value))
        case .double(let value): return .real(value)
        case .bytes(let bytes): return bytesJSON(bytes, kind: kind)
        case .list, .map, .group:
            preconditionFailure("a nested value where a primitive was expected")
        }
    }

    private func integerJSON(_ value: Int64, unsigned: UInt64, kind: ValueKind) -> JSON {
        switch kind {
        case .unsignedInteger: .integer(unsigned)
        case .decimal(let scale): .string(DecimalText.text(unscaled: value, scale: scale))
        case .date: .string(TemporalText.date(daysSinceEpoch: value))
        case .timestamp(let units, let adjustedToUTC):
            .string(TemporalText.timestamp(value, unitsPerSecond: units, adjustedToUTC: adjustedToUTC))
        case .time(let units): TemporalText.time(value, unitsPerSecond: units).map(JSON.string) ?? .integer(value)
        default: .integer(value)
        }
    }

    private func bytesJSON(_ bytes: [UInt8], kind: ValueKind) -> JSON {
        switch kind {
        case .text:
            return .string(String(decoding: bytes, as: UTF8.self))
        case .uuid where bytes.count == 16:
            let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }
            return .string(
                [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(
                    separator: "-"))
        case .float16 where bytes.count == 2:
            let half = Float16(bitPattern: UInt16(bytes[0]) | UInt16(bytes[1]) << 8)
            return .real(Double(half))
        case .decimal(let scale):
            return .string(DecimalText.text(bigEndian: bytes, scale: scale))
        default:
            return .string(Base64.encode(bytes))
        }
    }
}
