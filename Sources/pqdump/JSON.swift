/// A JSON value with object keys kept in insertion order, so output is stable and
/// reads in the order the fields were added.
enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int128)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    static func == (lhs: JSON, rhs: JSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null):
            return true
        case (.bool(let a), .bool(let b)):
            return a == b
        case (.int(let a), .int(let b)):
            return a == b
        case (.number(let a), .number(let b)):
            return a.bitPattern == b.bitPattern
        case (.string(let a), .string(let b)):
            return a == b
        case (.array(let a), .array(let b)):
            return a == b
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for index in a.indices where a[index].0 != b[index].0 || a[index].1 != b[index].1 {
                return false
            }
            return true
        default:
            return false
        }
    }

    /// A number, or the strings `NaN`, `Infinity`, `-Infinity`, which JSON cannot express.
    static func real(_ value: Double) -> JSON {
        if value.isNaN { return .string("NaN") }
        if value.isInfinite { return .string(value < 0 ? "-Infinity" : "Infinity") }
        return .number(value)
    }

    static func integer<Value: BinaryInteger>(_ value: Value) -> JSON {
        .int(Int128(value))
    }

    /// `value` or JSON null.
    static func optional<Value>(_ value: Value?, _ transform: (Value) -> JSON) -> JSON {
        value.map(transform) ?? .null
    }

    /// Compact serialization (one line).
    var text: String {
        var output = ""
        write(to: &output)
        return output
    }

    func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        // Swift prints the shortest text that reads back as the same double, in JSON syntax.
        case .number(let value): output += "\(value)"
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                Self.writeString(key, to: &output)
                output += ":"
                value.write(to: &output)
            }
            output += "}"
        }
    }

    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
