/// An INFO element added to the embedded VOTable when the writer finishes, such
/// as the number of rows written.
public struct VOTableInfo: Hashable, Sendable {
    /// The name attribute.
    public var name: String
    /// The value attribute.
    public var value: String
    /// Optional text content.
    public var content: String?

    /// An INFO element with these attributes and, optionally, text.
    public init(name: String, value: String, content: String? = nil) {
        self.name = name
        self.value = value
        self.content = content
    }

    /// Whether every character can be written in XML 1.0 (no control characters
    /// other than tab and line ends).
    public var isRepresentable: Bool {
        [name, value, content ?? ""].allSatisfy { !$0.unicodeScalars.contains(where: XMLEscaping.isForbidden) }
    }

    /// The element as XML.
    public var xml: String {
        let start = "<INFO name=\"\(XMLEscaping.attribute(name))\" value=\"\(XMLEscaping.attribute(value))\""
        guard let content else { return start + "/>" }
        return start + ">" + XMLEscaping.text(content) + "</INFO>"
    }
}

/// Escaping of text written into XML.
enum XMLEscaping {
    /// Characters XML 1.0 does not allow, not even as references.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE
            || scalar.value == 0xFFFF
    }

    static func attribute(_ text: String) -> String { escaped(text, inAttribute: true) }

    static func text(_ text: String) -> String { escaped(text, inAttribute: false) }

    /// Markup characters as references; in an attribute also quotes and the
    /// whitespace characters attribute normalization would otherwise turn into spaces.
    private static func escaped(_ text: String, inAttribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\r": result += "&#13;"
            case "\"" where inAttribute: result += "&quot;"
            case "\n" where inAttribute: result += "&#10;"
            case "\t" where inAttribute: result += "&#9;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
