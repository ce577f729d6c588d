extension JSON {
    /// Multi-line serialization, two spaces per level, for people.
    var indentedText: String {
        var output = ""
        writeIndented(to: &output, depth: 0)
        return output
    }

    private func writeIndented(to output: inout String, depth: Int) {
        let inner = String(repeating: "  ", count: depth + 1)
        switch self {
        case .array(let values) where !values.isEmpty:
            output += "[\n"
            for (index, value) in values.enumerated() {
                output += inner
                value.writeIndented(to: &output, depth: depth + 1)
                output += index < values.count - 1 ? ",\n" : "\n"
            }
            output += String(repeating: "  ", count: depth) + "]"
        case .object(let members) where !members.isEmpty:
            output += "{\n"
            for (index, (key, value)) in members.enumerated() {
                output += inner + JSON.string(key).text + ": "
                value.writeIndented(to: &output, depth: depth + 1)
                output += index < members.count - 1 ? ",\n" : "\n"
            }
            output += String(repeating: "  ", count: depth) + "}"
        default:
            write(to: &output)
        }
    }
}
