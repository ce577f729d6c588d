/// Lays a VOTable document out for reading: one element per line, indented two
/// spaces a level; an element holding only text keeps it on its own line.
/// Comments and processing instructions are left out. Indentation stops growing at
/// `maximumIndentLevels`, so that the layout stays linear in the document's size.
public enum VOTablePrettyPrinter {
    static let maximumIndentLevels = 32

    /// The document laid out, after an XML declaration; throws when it is not well-formed.
    public static func format(_ document: String) throws(VOParquetError) -> String {
        let parser = XMLPullParser(source: MemoryByteSource(document))
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        var depth = 0
        // A start tag is held back until we know whether text or children follow.
        var pendingStartTag: String?
        var pendingText = ""
        func flushPendingStartTag() {
            guard let tag = pendingStartTag else { return }
            output += indentation(depth - 1) + tag + ">\n"
            let text = trimmed(pendingText)
            if !text.isEmpty { output += indentation(depth) + XMLEscaping.text(text) + "\n" }
            pendingStartTag = nil
            pendingText = ""
        }
        do throws(XMLError) {
            loop: while true {
                switch try parser.next() {
                case .startElement:
                    flushPendingStartTag()
                    var tag = "<" + parser.name
                    for (name, value) in parser.attributes { tag += " \(name)=\"\(XMLEscaping.attribute(value))\"" }
                    depth += 1
                    pendingStartTag = tag
                case .text:
                    if pendingStartTag != nil {
                        pendingText += parser.textString
                    } else {
                        let text = trimmed(parser.textString)
                        if !text.isEmpty { output += indentation(depth) + XMLEscaping.text(text) + "\n" }
                    }
                case .endElement:
                    let indent = indentation(depth - 1)
                    if let tag = pendingStartTag {
                        let text = trimmed(pendingText)
                        output +=
                            indent + tag
                            + (text.isEmpty ? "/>\n" : ">" + XMLEscaping.text(text) + "</\(parser.name)>\n")
                        pendingStartTag = nil
                        pendingText = ""
                    } else {
                        output += indent + "</\(parser.name)>\n"
                    }
                    depth -= 1
                case .endOfDocument:
                    break loop
                }
            }
        } catch {
            throw .malformedXML(error)
        }
        return output
    }

    private static func indentation(_ levels: Int) -> String {
        String(repeating: "  ", count: min(levels, maximumIndentLevels))
    }

    private static func trimmed(_ text: String) -> String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
