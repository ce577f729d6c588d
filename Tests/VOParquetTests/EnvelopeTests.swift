import Testing

@testable import VOParquet

@Suite struct EnvelopeTests {
    static let header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <VOTABLE xmlns="http://www.ivoa.net/xml/VOTable/v1.3" version="1.4">
          <RESOURCE type="results">
            <INFO name="QUERY_STATUS" value="OK"/>
            <TABLE>
              <FIELD name="id" datatype="long" ucd="meta.id"><DESCRIPTION>Identifier &amp; key</DESCRIPTION></FIELD>
              <FIELD name="mag" datatype="float" unit="mag"><VALUES null="-99"/></FIELD>
              <FIELD name="band" datatype="char" arraysize="1"/>

        """
    static let footer = """
            </TABLE>
          </RESOURCE>
        </VOTABLE>

        """

    @Test func readsTheFieldsOfTheFirstTable() throws {
        let envelope = try VOTableEnvelope(header: Self.header, footer: Self.footer)
        #expect(envelope.fields.map(\.name) == ["id", "mag", "band"])
        #expect(envelope.fields.map(\.datatype) == [.long, .float, .char])
        #expect(envelope.fields[0].description == "Identifier & key")
        #expect(envelope.fields[0].ucd == "meta.id")
        #expect(envelope.fields[1].unit == "mag")
        #expect(envelope.fields[1].nullValue == "-99")
        #expect(envelope.fields[2].arraysize == VOTableArraySize("1"))
        #expect(envelope.content(overflow: false) == Self.header + Self.footer)
    }

    @Test func overflowFormGetsAnInfoAfterTheTable() throws {
        let envelope = try VOTableEnvelope(header: Self.header, footer: Self.footer)
        let content = envelope.content(overflow: true, extraInfos: [VOTableInfo(name: "rows", value: "3 < 4")])
        #expect(
            content == Self.header + """
                    </TABLE>
                    <INFO name="rows" value="3 &lt; 4"/>
                    <INFO name="QUERY_STATUS" value="OVERFLOW"/>
                  </RESOURCE>
                </VOTABLE>

                """)
        // An explicit footerOverflow is used as given.
        let given =
            "    </TABLE>\n    <INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\">cut</INFO>\n  </RESOURCE>\n</VOTABLE>\n"
        let explicit = try VOTableEnvelope(header: Self.header, footer: Self.footer, footerOverflow: given)
        #expect(explicit.content(overflow: true) == Self.header + given)
    }

    @Test func dataElementsAreRemoved() throws {
        let document = """
            <VOTABLE version="1.4"><RESOURCE>
            <TABLE><FIELD name="a" datatype="int"/><DATA><TABLEDATA><TR><TD>1</TD></TR></TABLEDATA></DATA></TABLE>
            <TABLE><FIELD name="b" datatype="int"/><DATA><BINARY2><STREAM encoding="base64">AAAAAAE=</STREAM></BINARY2></DATA></TABLE>
            </RESOURCE></VOTABLE>
            """
        let envelope = try VOTableEnvelope(document: document)
        #expect(envelope.fields.map(\.name) == ["a"])
        #expect(
            envelope.content(overflow: false) == """
                <VOTABLE version="1.4"><RESOURCE>
                <TABLE><FIELD name="a" datatype="int"/></TABLE>
                <TABLE><FIELD name="b" datatype="int"/></TABLE>
                </RESOURCE></VOTABLE>
                """)
    }

    @Test func namespacePrefixesAreTolerated() throws {
        let document = """
            <v:VOTABLE xmlns:v="http://www.ivoa.net/xml/VOTable/v1.3"><v:RESOURCE><v:TABLE>
            <v:FIELD name="x" datatype="double"/></v:TABLE></v:RESOURCE></v:VOTABLE>
            """
        let envelope = try VOTableEnvelope(document: document)
        #expect(envelope.fields.map(\.name) == ["x"])
        #expect(
            envelope.content(overflow: true).contains(
                "</v:TABLE>\n<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/></v:RESOURCE>"))
    }

    static func table(_ fields: String) -> String {
        "<VOTABLE><RESOURCE><TABLE>\(fields)</TABLE></RESOURCE></VOTABLE>"
    }

    static func envelopeError(_ document: String, _ types: [VOTableColumnType]? = nil) -> VOParquetError? {
        do {
            _ = try VOTableEnvelope(document: document, columnTypes: types)
            return nil
        } catch {
            return error
        }
    }

    @Test func badEnvelopesGiveClearErrors() {
        #expect(
            Self.envelopeError("<VOTABLE><RESOURCE><TABLE>\n<FIELD name='a' datatype='int'>\n</TABLE></VOTABLE>")
                == .malformedXML(XMLError(line: 3, "end tag </TABLE> does not match <FIELD>")))
        #expect(Self.envelopeError(Self.table("<FIELD name='a'/>")) == .fieldWithoutDatatype(column: "a"))
        #expect(Self.envelopeError(Self.table("<FIELD datatype='int'/>")) == .fieldWithoutName(position: 0))
        #expect(
            Self.envelopeError(Self.table("<FIELD name='a' datatype='integer'/>"))
                == .unknownDatatype(column: "a", datatype: "integer"))
        #expect(
            Self.envelopeError(Self.table("<FIELD name='a' datatype='int'/><FIELD name='a' datatype='long'/>"))
                == .duplicateColumn("a"))
        #expect(
            Self.envelopeError(Self.table("<FIELD name='a' datatype='int' arraysize='3x'/>"))
                == .invalidArraysize(column: "a", arraysize: "3x"))
        #expect(Self.envelopeError(Self.table("")) == .invalidVOTable("the first TABLE has no FIELD"))
        #expect(Self.envelopeError("<VOTABLE><RESOURCE/></VOTABLE>") == .invalidVOTable("the document has no TABLE"))
        #expect(Self.envelopeError("<TABLE/>") == .invalidVOTable("the root element is <TABLE>, not <VOTABLE>"))
    }

    @Test func explicitColumnTypesMustAgree() {
        let document = Self.table(
            "<FIELD name='t' datatype='char' arraysize='*' xtype='timestamp'/><FIELD name='n' datatype='int'/>")
        let good = [
            VOTableColumnType(name: "t", datatype: "char", arraysize: "*", xtype: "timestamp"),
            VOTableColumnType(name: "n", datatype: "int"),
        ]
        #expect(Self.envelopeError(document, good) == nil)
        var types = good
        types[1].datatype = "long"
        #expect(
            Self.envelopeError(document, types)
                == .columnTypeMismatch(column: "n", detail: "datatype 'long' given, the FIELD says 'int'"))
        types = good
        types[0].arraysize = nil
        #expect(
            Self.envelopeError(document, types)
                == .columnTypeMismatch(column: "t", detail: "arraysize none given, the FIELD says '*'"))
        types = good
        types[0].xtype = nil
        #expect(
            Self.envelopeError(document, types)
                == .columnTypeMismatch(column: "t", detail: "xtype none given, the FIELD says 'timestamp'"))
        types = good
        types[1].name = "m"
        #expect(
            Self.envelopeError(document, types)
                == .columnTypeMismatch(column: "n", detail: "the column type at this position is named 'm'"))
        #expect(Self.envelopeError(document, Array(good.prefix(1))) == .columnCountMismatch(fields: 2, columnTypes: 1))
    }

    @Test func arraysizeForms() throws {
        let cases: [(String, VOTableArraySize.Extent, [Int], Int?, Int?)] = [
            ("5", .fixed(5), [], 5, 5), ("5*", .bounded(5), [], nil, 5), ("*", .unbounded, [], nil, nil),
            ("2x3", .fixed(3), [2], 6, 6), ("2x3x*", .unbounded, [2, 3], nil, nil), ("2x4*", .bounded(4), [2], nil, 8),
        ]
        for (text, last, leading, fixed, maximum) in cases {
            let size = try #require(VOTableArraySize(text))
            #expect(size.last == last && size.leadingDimensions == leading, "\(text)")
            #expect(size.fixedCount == fixed && size.maximumCount == maximum, "\(text)")
            #expect(size.description == text)
        }
        for bad in ["", "x", "0", "*x2", "2**", "-1", "a"] { #expect(VOTableArraySize(bad) == nil, "\(bad)") }
    }
}
