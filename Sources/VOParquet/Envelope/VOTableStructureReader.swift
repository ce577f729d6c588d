/// Walks a VOTable document with a pull parser: collects the FIELDs of the first
/// TABLE, stops at that TABLE's DATA for a caller that streams the rows, and
/// keeps the raw text of everything except DATA elements, split at the start of
/// the first TABLE's end tag (the point where footers and INFOs attach).
final class VOTableStructureReader {
    let parser: XMLPullParser
    private(set) var fields: [VOTableField] = []
    /// The document before the first TABLE's end tag, without DATA.
    private(set) var prefix: [UInt8] = []
    /// The document from the first TABLE's end tag on, without DATA.
    private(set) var suffix: [UInt8] = []
    /// Length in bytes of the first TABLE's end tag at the start of `suffix`.
    private(set) var tableEndTagLength = 0

    private enum Stage {
        case beforeTable
        case inTable(depth: Int)
        case afterTable
    }
    private var stage = Stage.beforeTable
    private var fieldNames = Set<String>()
    private var sawRoot = false

    init(parser: XMLPullParser) {
        self.parser = parser
    }

    /// What `readToData()` stopped at.
    enum Stop {
        /// The start tag of the first TABLE's DATA; the parser is on it.
        case data
        /// The end of the document: the first TABLE has no DATA.
        case endOfDocument
    }

    /// Reads from the start of the document up to the first TABLE's DATA, or to
    /// the end when there is none.
    func readToData() throws(VOParquetError) -> Stop {
        parser.beginCapture(at: parser.documentStart)
        return try walk()
    }

    /// Reads the rest of the document after the caller consumed the first TABLE's
    /// DATA element; the parser must be on DATA's end tag.
    func readAfterData() throws(VOParquetError) {
        parser.beginCapture(at: parser.tokenEnd)
        _ = try walk()
    }

    /// Reads the rest of the document, skipping the first TABLE's DATA element;
    /// the parser must be on DATA's start tag.
    func skipDataAndReadRest() throws(VOParquetError) {
        do { try parser.skipElement() } catch { throw .malformedXML(error) }
        try readAfterData()
    }

    private func walk() throws(VOParquetError) -> Stop {
        do {
            while true {
                switch try parser.next() {
                case .startElement:
                    if let stop = try handleStart() { return stop }
                case .endElement:
                    try handleEnd()
                case .text:
                    continue
                case .endOfDocument:
                    keepCaptured(upTo: parser.tokenEnd)
                    guard case .afterTable = stage else {
                        throw VOParquetError.invalidVOTable("the document has no TABLE")
                    }
                    return .endOfDocument
                }
            }
        } catch let error as XMLError {
            throw .malformedXML(error)
        } catch let error as VOParquetError {
            throw error
        } catch {
            throw .invalidVOTable("\(error)")
        }
    }

    private func handleStart() throws -> Stop? {
        if !sawRoot {
            sawRoot = true
            guard parser.hasLocalName("VOTABLE") else {
                throw VOParquetError.invalidVOTable("the root element is <\(parser.name)>, not <VOTABLE>")
            }
            return nil
        }
        switch stage {
        case .beforeTable where parser.hasLocalName("TABLE"):
            stage = .inTable(depth: parser.depth)
        case .inTable(let depth) where parser.depth == depth + 1 && parser.hasLocalName("FIELD"):
            try readField()
        case .inTable(let depth) where parser.depth == depth + 1 && parser.hasLocalName("DATA"):
            // The same message as for a TABLE without DATA, rather than an empty schema later.
            guard !fields.isEmpty else { throw VOParquetError.invalidVOTable("the first TABLE has no FIELD") }
            keepCaptured(upTo: parser.tokenStart, droppingIndentedLine: true)
            return .data
        default:
            if parser.hasLocalName("DATA") {
                // DATA of another TABLE: left out of the embedded document.
                keepCaptured(upTo: parser.tokenStart, droppingIndentedLine: true)
                try parser.skipElement()
                parser.beginCapture(at: parser.tokenEnd)
            }
        }
        return nil
    }

    private func handleEnd() throws {
        guard case .inTable(let depth) = stage, parser.depth == depth - 1 else { return }
        guard !fields.isEmpty else { throw VOParquetError.invalidVOTable("the first TABLE has no FIELD") }
        keepCaptured(upTo: parser.tokenStart)
        tableEndTagLength = parser.tokenEnd - parser.tokenStart
        stage = .afterTable
        parser.beginCapture(at: parser.tokenStart)
    }

    /// Appends the capture so far to the part being built. Before a DATA element
    /// that starts its own line, that line's indentation and break go too, so the
    /// removed element leaves no blank line.
    private func keepCaptured(upTo offset: Int, droppingIndentedLine: Bool = false) {
        var bytes = parser.endCapture(at: offset)
        if droppingIndentedLine {
            var end = bytes.count
            while end > 0, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
            if end > 0, bytes[end - 1] == UInt8(ascii: "\n") {
                end -= 1
                if end > 0, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                bytes.removeSubrange(end...)
            }
        }
        if case .afterTable = stage { suffix += bytes } else { prefix += bytes }
    }

    /// Reads a FIELD element (the parser is on its start tag) through its end tag.
    private func readField() throws {
        let position = fields.count
        guard let name = parser.attribute("name") else { throw VOParquetError.fieldWithoutName(position: position) }
        guard let datatypeText = parser.attribute("datatype") else {
            throw VOParquetError.fieldWithoutDatatype(column: name)
        }
        guard let datatype = VOTableDatatype(rawValue: datatypeText) else {
            throw VOParquetError.unknownDatatype(column: name, datatype: datatypeText)
        }
        guard fieldNames.insert(name).inserted else { throw VOParquetError.duplicateColumn(name) }
        let arraysize = parser.attribute("arraysize")
        let xtype = parser.attribute("xtype")
        let unit = parser.attribute("unit")
        let ucd = parser.attribute("ucd")
        let utype = parser.attribute("utype")
        var description: String?
        var nullValue: String?
        let fieldDepth = parser.depth
        while true {
            switch try parser.next() {
            case .startElement where parser.depth == fieldDepth + 1 && parser.hasLocalName("DESCRIPTION"):
                description = try parser.readElementText()
            case .startElement where parser.depth == fieldDepth + 1 && parser.hasLocalName("VALUES"):
                nullValue = parser.attribute("null")
            case .endElement where parser.depth == fieldDepth - 1:
                fields.append(
                    try VOTableField(
                        name: name, datatype: datatype, arraysize: arraysize, xtype: xtype, unit: unit, ucd: ucd,
                        utype: utype, description: description, nullValue: nullValue))
                return
            case .endOfDocument:
                throw parser.error("the document ends inside FIELD '\(name)'")
            default:
                continue
            }
        }
    }
}
