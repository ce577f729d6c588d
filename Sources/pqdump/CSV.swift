/// RFC 4180 fields for `pqdump rows --csv`.
enum CSV {
    /// A value in the JSON conventions as one CSV field: strings as their text, null as an
    /// empty field, an empty string as `""`, numbers and booleans as in JSON, lists, maps
    /// and structs as their JSON text. Quoted when it holds a comma, quote or line break.
    static func field(_ value: JSON) -> String {
        switch value {
        case .null: return ""
        case .string(let text): return text.isEmpty ? "\"\"" : field(text)
        default: return field(value.text)
        }
    }

    /// `text` as one CSV field, quoted when it must be.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        var quoted = "\""
        for character in text {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }
}
