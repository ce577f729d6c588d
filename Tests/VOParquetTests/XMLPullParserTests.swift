import Testing

@testable import VOParquet

/// Serves its bytes a few at a time, to push the parser across refill boundaries.
final class TrickleSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0
    private let step: Int

    init(_ bytes: [UInt8], step: Int) {
        self.bytes = bytes
        self.step = step
    }

    convenience init(_ text: String, step: Int) { self.init(Array(text.utf8), step: step) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = min(step, buffer.count, bytes.count - offset)
        for index in 0..<count { buffer[index] = bytes[offset + index] }
        offset += count
        return count
    }
}

/// The document's events as readable strings, consecutive text pieces joined.
func events(_ parser: XMLPullParser) throws -> [String] {
    var result: [String] = []
    var pendingText: String?
    while true {
        let event = try parser.next()
        if event != .text, let text = pendingText {
            result.append("text:" + text)
            pendingText = nil
        }
        switch event {
        case .startElement:
            let attributes = parser.attributes.map { " \($0.name)=\($0.value)" }.joined()
            result.append("<\(parser.name)\(attributes)>")
        case .endElement:
            result.append("</\(parser.name)>")
        case .text:
            pendingText = (pendingText ?? "") + parser.textString
        case .endOfDocument:
            return result
        }
    }
}

func parserError(_ document: String) -> XMLError? {
    let parser = XMLPullParser(source: MemoryByteSource(document))
    do {
        while try parser.next() != .endOfDocument {}
        return nil
    } catch {
        return error
    }
}

@Suite struct XMLPullParserTests {
    static let document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE VOTABLE [ <!ELEMENT x (#PCDATA)> ]>
        <!-- a comment with <markup> -->
        <vot:VOTABLE xmlns:vot="http://www.ivoa.net/xml/VOTable/v1.3" version='1.4'>
          <?pi some data?>
          <INFO name="a&amp;b" value="x &lt; y &#65;&#x42;"/>
          <DESCRIPTION>caf\u{E9} &gt; <![CDATA[<raw> & ]] text]]> end</DESCRIPTION>
          <FIELD name="q>r" datatype="char"\tarraysize="*"
            ucd="line
        break"/>
        </vot:VOTABLE>
        <!-- trailing -->

        """

    static let expected = [
        "<vot:VOTABLE xmlns:vot=http://www.ivoa.net/xml/VOTable/v1.3 version=1.4>",
        "text:\n  \n  ",
        "<INFO name=a&b value=x < y AB>", "</INFO>",
        "text:\n  ",
        "<DESCRIPTION>", "text:caf\u{E9} > <raw> & ]] text end", "</DESCRIPTION>",
        "text:\n  ",
        "<FIELD name=q>r datatype=char arraysize=* ucd=line break>", "</FIELD>",
        "text:\n",
        "</vot:VOTABLE>",
    ]

    @Test func reportsElementsAttributesAndText() throws {
        #expect(try events(XMLPullParser(source: MemoryByteSource(Self.document))) == Self.expected)
    }

    @Test func sameEventsWhateverTheBufferAndChunkSizes() throws {
        for step in [1, 2, 3, 7, 64] {
            let parser = XMLPullParser(
                source: TrickleSource(Self.document, step: step), initialCapacity: 8, textPieceBytes: 4)
            #expect(try events(parser) == Self.expected, "step \(step)")
        }
    }

    @Test func localNamesIgnorePrefixes() throws {
        let parser = XMLPullParser(source: MemoryByteSource("<v:TABLE><TD/><XTD/></v:TABLE>"))
        #expect(try parser.next() == .startElement)
        #expect(parser.hasLocalName("TABLE") && parser.localName == "TABLE" && !parser.hasLocalName("ABLE"))
        #expect(try parser.next() == .startElement)
        #expect(parser.hasLocalName("TD"))
        #expect(try parser.next() == .endElement)
        #expect(try parser.next() == .startElement)
        #expect(!parser.hasLocalName("TD"))
    }

    @Test func carriageReturnsBecomeNewlines() throws {
        let parser = XMLPullParser(source: TrickleSource("<a>x\r\ny\rz</a>", step: 1), initialCapacity: 8)
        #expect(try events(parser) == ["<a>", "text:x\ny\nz", "</a>"])
    }

    @Test func longTextComesInBoundedPieces() throws {
        let body = String(repeating: "QUJD", count: 10_000)
        let parser = XMLPullParser(
            source: MemoryByteSource("<STREAM>\(body)</STREAM>"), initialCapacity: 256, textPieceBytes: 1000)
        #expect(try parser.next() == .startElement)
        var collected = ""
        var pieces = 0
        while try parser.next() == .text {
            #expect(parser.text.count <= 1000 + 256)
            collected += parser.textString
            pieces += 1
        }
        #expect(collected == body)
        #expect(pieces > 10)
    }

    @Test func capturesRawInputAroundAnElement() throws {
        let document = "<?xml version=\"1.0\"?>\n<A><B x='1'/><DATA><TR><TD>1</TD></TR></DATA><C/></A>\n"
        let parser = XMLPullParser(source: TrickleSource(document, step: 3), initialCapacity: 8)
        parser.beginCapture(at: 0)
        var kept: [UInt8] = []
        while true {
            let event = try parser.next()
            if event == .endOfDocument { break }
            if event == .startElement, parser.hasLocalName("DATA") {
                kept += parser.endCapture(at: parser.tokenStart)
                try parser.skipElement()
                parser.beginCapture(at: parser.tokenEnd)
            }
        }
        kept += parser.endCapture(at: parser.tokenEnd)
        #expect(String(decoding: kept, as: UTF8.self) == "<?xml version=\"1.0\"?>\n<A><B x='1'/><C/></A>\n")

        // A capture may also stop at an earlier event than the bytes already consumed.
        let second = XMLPullParser(source: TrickleSource(document, step: 5), initialCapacity: 8)
        second.beginCapture(at: 0)
        while try second.next() != .endElement || !second.hasLocalName("A") {}
        let prefix = second.endCapture(at: second.tokenEnd)
        #expect(
            String(decoding: prefix, as: UTF8.self)
                == "<?xml version=\"1.0\"?>\n<A><B x='1'/><DATA><TR><TD>1</TD></TR></DATA><C/></A>")
    }

    @Test func malformedDocumentsGiveTheLine() {
        #expect(parserError("<a>\n<b>\n</a>") == XMLError(line: 3, "end tag </a> does not match <b>"))
        #expect(parserError("<a>\n<b>text") == XMLError(line: 2, "the document ends inside <b> (truncated input?)"))
        #expect(parserError("<a>\n&nbsp;</a>") == XMLError(line: 2, "unknown entity '&nbsp;'"))
        #expect(parserError("<a/>\nx") == XMLError(line: 2, "text after the root element"))
        #expect(parserError("<a x='1' x='2'/>") == XMLError(line: 1, "attribute 'x' appears twice in <a>"))
        #expect(parserError("<a x=1/>") == XMLError(line: 1, "the value of attribute 'x' of <a> is not quoted"))
        #expect(
            parserError("<?xml version='1.0' encoding='ISO-8859-1'?><a/>")
                == XMLError(line: 1, "the document declares encoding 'iso-8859-1'; only UTF-8 is read"))
        #expect(parserError("<a/><b/>") == XMLError(line: 1, "a second root element"))
        #expect(parserError("  \n ") == XMLError(line: 2, "the document has no root element"))
        #expect(parserError("<a>&#0;</a>") == XMLError(line: 1, "invalid character reference '&#0;'"))
        #expect(parserError("<a\n b='<'/>") == XMLError(line: 1, "'<' in the value of attribute 'b'"))
        #expect(
            parserError("<a><!-- open")
                == XMLError(line: 1, "the document ends inside a comment or processing instruction"))
        #expect(parserError("\u{FEFF}<a/>") == nil)
    }
}
