import Testing

@testable import VOParquet

/// Documents built to cost quadratic time or memory: deep nesting and tags with many
/// attributes are refused or read in linear time, with a one-line error naming the line.
@Suite struct HostileXMLTests {
    static func nested(_ depth: Int, inner: String = "") -> String {
        String(repeating: "<a>", count: depth) + inner + String(repeating: "</a>", count: depth)
    }

    @Test func nestingBeyondTheLimitIsAnError() throws {
        // 10,000 levels took 7 s and 413 MB in `pqdump votable`.
        let started = ContinuousClock.now
        let document = "<VOTABLE>\n" + Self.nested(30_000) + "</VOTABLE>"
        #expect(throws: XMLError(line: 2, "elements nested deeper than 256 levels at <a>")) {
            _ = try events(XMLPullParser(source: MemoryByteSource(document)))
        }
        #expect(throws: VOParquetError.self) { _ = try VOTablePrettyPrinter.format(document) }
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func nestingAtTheLimitIsRead() throws {
        let document = Self.nested(XMLPullParser.maximumDepth, inner: "text")
        let parsed = try events(XMLPullParser(source: MemoryByteSource(document)))
        #expect(parsed.count == 2 * XMLPullParser.maximumDepth + 1)
    }

    @Test func layoutOfDeepDocumentsIsLinear() throws {
        // Many siblings at the deepest level: each line's indentation stops growing.
        let siblings = String(repeating: "<b/>", count: 20_000)
        let document = Self.nested(XMLPullParser.maximumDepth - 1, inner: siblings)
        let started = ContinuousClock.now
        let layout = try VOTablePrettyPrinter.format(document)
        #expect(ContinuousClock.now - started < .seconds(5))
        let longestIndent = 2 * VOTablePrettyPrinter.maximumIndentLevels
        #expect(layout.utf8.count < (20_000 + 2 * XMLPullParser.maximumDepth) * (longestIndent + 8))
        #expect(layout.contains("\n" + String(repeating: " ", count: longestIndent) + "<b/>\n"))
    }

    @Test func manyAttributesAreCheckedForRepeatsInLinearTime() throws {
        let attributes = (0..<100_000).map { " a\($0)=\"\"" }.joined()
        let started = ContinuousClock.now
        let parser = XMLPullParser(source: MemoryByteSource("<t" + attributes + "/>"))
        #expect(try parser.next() == .startElement)
        #expect(parser.attributes.count == 100_000)
        #expect(throws: XMLError(line: 1, "attribute 'a5' appears twice in <t>")) {
            _ = try XMLPullParser(source: MemoryByteSource("<t" + attributes + " a5=\"x\"/>")).next()
        }
        // Repeats among the first few attributes are found too.
        #expect(throws: XMLError(line: 1, "attribute 'x' appears twice in <t>")) {
            _ = try XMLPullParser(source: MemoryByteSource("<t x='1' y='2' x='3'/>")).next()
        }
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}
