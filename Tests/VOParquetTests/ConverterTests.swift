import Foundation
import Parquet
import ParquetFormat
import Testing

@testable import VOParquet

@Suite struct ConverterTests {
    static let fields = """
          <FIELD name="id" datatype="long"><VALUES null="-1"/></FIELD>
          <FIELD name="x" datatype="double" unit="deg" ucd="pos.eq.ra"><DESCRIPTION>Right ascension</DESCRIPTION></FIELD>
          <FIELD name="label" datatype="char" arraysize="*"/>
          <FIELD name="ok" datatype="boolean"/>
          <FIELD name="pair" datatype="short" arraysize="2"/>
          <FIELD name="mask" datatype="bit" arraysize="3"/>
          <FIELD name="wide" datatype="unicodeChar" arraysize="*"/>
        """

    static func document(_ data: String, fields: String = fields) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
         <RESOURCE type="results">
          <INFO name="QUERY_STATUS" value="OK"/>
          <COOSYS ID="icrs" system="ICRS"/>
          <TABLE>
           <DESCRIPTION>Test table</DESCRIPTION>
           <PARAM name="p" datatype="int" value="7"/>
        \(fields)
           <GROUP name="g"><FIELDref ref="x"/></GROUP>
           <LINK href="http://example.org/"/>
           <DATA>
        \(data)
           </DATA>
          </TABLE>
          <INFO name="after" value="table"/>
          <RESOURCE type="meta"><DESCRIPTION>service descriptor</DESCRIPTION></RESOURCE>
         </RESOURCE>
        </VOTABLE>

        """
    }

    static let tableData = """
        <TABLEDATA>
        <TR><TD>1</TD><TD>1.5</TD><TD>a &amp; b</TD><TD>T</TD><TD>1 2</TD><TD>101</TD><TD>\u{E9}\u{1F600}</TD></TR>
        <TR><TD>-1</TD><TD>-0</TD><TD>x</TD><TD>?</TD><TD>-3 4</TD><TD>0 1 1</TD><TD>z</TD></TR>
        <TR><TD>0x10</TD><TD>NaN</TD><TD>  spaced  </TD><TD>false</TD><TD>5 6</TD><TD>000</TD><TD>w</TD></TR>
        </TABLEDATA>
        """

    /// The same rows as BINARY (or, with null flags, BINARY2), where every null of
    /// the TABLEDATA form has a BINARY representation.
    static func binary(flags: Bool) -> String {
        var rows = BinaryRows()
        let values: [(Int64, Double, String, Bool?, [Int16], UInt8, String)] = [
            (1, 1.5, "a & b", true, [1, 2], 0b1010_0000, "\u{E9}\u{1F600}"),
            (-1, -0.0, "x", nil, [-3, 4], 0b0110_0000, "z"),
            (16, .nan, "  spaced  ", false, [5, 6], 0, "w"),
        ]
        for (id, x, label, ok, pair, mask, wide) in values {
            if flags { rows.flags(Array(repeating: false, count: 7)) }
            rows.long(id)
            rows.double(x)
            rows.chars(label)
            rows.boolean(ok)
            for element in pair { rows.short(element) }
            rows.byte(mask)
            rows.unicodeChars(wide)
        }
        let name = flags ? "BINARY2" : "BINARY"
        return "<\(name)><STREAM encoding=\"base64\">\n\(rows.base64)\n</STREAM></\(name)>"
    }

    static func convert(_ source: any ByteSource, options: VOParquetOptions = VOParquetOptions()) throws -> (
        file: [UInt8], summary: VOTableConverter.Summary
    ) {
        let converter = VOTableConverter(source: source)
        let sink = MemorySink()
        let writer = try VOParquetWriter(envelope: try converter.readEnvelope(), sink: sink, options: options)
        let summary = try converter.convert(into: writer)
        return (sink.bytes, summary)
    }

    static func conversionError(_ text: String) -> String? {
        do {
            _ = try convert(MemoryByteSource(text))
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Scalar cells go straight into the writer's row stage; a bad cell after some of
    /// them rolls the whole row back (a null among them included), and the writer goes
    /// on as if the row had never come.
    @Test func aBadCellAfterCellsStoredInTheStageLeavesNoTrace() throws {
        let fields = """
              <FIELD name="label" datatype="char" arraysize="*"/>
              <FIELD name="id" datatype="long"><VALUES null="-1"/></FIELD>
              <FIELD name="x" datatype="double"/>
              <FIELD name="n" datatype="short"/>
              <FIELD name="ok" datatype="boolean"/>
            """
        func goodRow(_ rows: inout BinaryRows) {
            rows.flags([false, false, false, true, false])
            rows.chars("a")
            rows.long(1)
            rows.double(1.5)
            rows.short(0)
            rows.boolean(true)
        }
        func document(_ rows: BinaryRows) -> String {
            Self.document("<BINARY2><STREAM encoding='base64'>\(rows.base64)</STREAM></BINARY2>", fields: fields)
        }
        var twoGood = BinaryRows()
        goodRow(&twoGood)
        goodRow(&twoGood)
        let good = try Self.convert(MemoryByteSource(document(twoGood))).file
        var withBad = BinaryRows()
        goodRow(&withBad)
        withBad.flags([false, true, false, false, false])
        withBad.chars("bc")
        withBad.long(9)
        withBad.double(2.5)
        withBad.short(7)
        withBad.byte(UInt8(ascii: "Z"))

        let converter = VOTableConverter(source: MemoryByteSource(document(withBad)))
        let sink = MemorySink()
        let writer = try VOParquetWriter(envelope: try converter.readEnvelope(), sink: sink)
        let types: [DirectCellType] = [.int32, .int64, .double, .int16, .boolean]
        #expect((0..<5).filter { writer.core.directCellOffset(ofColumn: $0, for: types[$0]) != nil } == [1, 2, 3, 4])
        do {
            _ = try converter.convert(into: writer)
            Issue.record("a row with a bad boolean converted")
        } catch {
            #expect("\(error)" == "row 1, column 'ok': byte 90 is not a boolean")
        }
        #expect(writer.rowCount == 1)
        // The caller drops the partial row, and appends the one it meant through the cell API.
        writer.discardRow()
        try writer.append("a")
        try writer.append(Int64(1))
        try writer.append(1.5)
        try writer.appendNull()
        try writer.append(true)
        try writer.endRow()
        try writer.finish()
        // The pages and the page index are those of two good rows; only the footer's
        // VOTable differs, the document after the table being unread.
        func dataSection(_ file: [UInt8]) -> ArraySlice<UInt8> {
            let footerLength = file[(file.count - 8)...].withUnsafeBytes { Int($0.loadUnaligned(as: UInt32.self)) }
            return file[..<(file.count - 8 - footerLength)]
        }
        let same = dataSection(sink.bytes).elementsEqual(dataSection(good))
        #expect(same)
        #expect(try FileFooter.metadata(of: sink.bytes).numRows == 2)
    }

    @Test func everySerializationGivesTheSameFile() throws {
        let reference = try Self.convert(MemoryByteSource(Self.document(Self.tableData)))
        #expect(reference.summary == VOTableConverter.Summary(rows: 3, limit: nil))
        for data in [Self.binary(flags: false), Self.binary(flags: true)] {
            #expect(try Self.convert(MemoryByteSource(Self.document(data))).file == reference.file)
        }
        // Input in tiny pieces, and gzip-compressed input, change nothing.
        let document = Self.document(Self.binary(flags: true))
        #expect(try Self.convert(TrickleSource(document, step: 7)).file == reference.file)
        #expect(
            try Self.convert(GzipDetectingSource(MemoryByteSource(try Gzip.compress(Array(document.utf8))))).file
                == reference.file)
        // Two concatenated gzip members are one input.
        let half = document.utf8.count / 2
        let members =
            try Gzip.compress(Array(document.utf8.prefix(half))) + Gzip.compress(Array(document.utf8.dropFirst(half)))
        #expect(try Self.convert(GzipDetectingSource(TrickleSource(members, step: 5))).file == reference.file)
    }

    /// astropy cannot write variable multi-dimensional arrays in BINARY2, so this
    /// case is built by hand: the count is the total number of elements.
    @Test func variableMultiDimensionalArrays() throws {
        let fields =
            "<FIELD name='cube' datatype='long' arraysize='2x*'/><FIELD name='tag' datatype='char' arraysize='3'/>"
        let tableData =
            "<TABLEDATA><TR><TD>1 2 3 4</TD><TD>ab</TD></TR><TR><TD/><TD>xyz</TD></TR><TR><TD>5 6</TD><TD/></TR></TABLEDATA>"
        var rows = BinaryRows()
        rows.flags([false, false])
        rows.int(4)
        for value in [Int64(1), 2, 3, 4] { rows.long(value) }
        rows.bytes += [UInt8(ascii: "a"), UInt8(ascii: "b"), 0]
        rows.flags([true, false])
        rows.int(0)
        rows.bytes += Array("xyz".utf8)
        rows.flags([false, true])
        rows.int(2)
        rows.long(5)
        rows.long(6)
        rows.bytes += [0, 0, 0]
        let binary2 = "<BINARY2><STREAM encoding='base64'>\(rows.base64)</STREAM></BINARY2>"
        let fromText = try Self.convert(MemoryByteSource(Self.document(tableData, fields: fields))).file
        let fromBinary = try Self.convert(MemoryByteSource(Self.document(binary2, fields: fields))).file
        #expect(fromText == fromBinary)
        #expect(try FileFooter.metadata(of: fromText).numRows == 3)
    }

    @Test func metadataExceptDataIsEmbedded() throws {
        let file = try Self.convert(MemoryByteSource(Self.document(Self.binary(flags: true)))).file
        let metadata = try FileFooter.metadata(of: file)
        let content = try #require(FileFooter.keyValue("IVOA.VOTable-Parquet.content", in: metadata))
        #expect(content == Self.document("").replacingOccurrences(of: "   <DATA>\n\n   </DATA>\n", with: ""))
        for element in [
            "<PARAM", "<COOSYS", "<GROUP", "<LINK", "<DESCRIPTION>Right ascension", "name=\"after\"",
            "service descriptor",
        ] {
            #expect(content.contains(element), "\(element)")
        }
        #expect(metadata.schema[0].numChildren == 7)
        #expect(
            metadata.schema.dropFirst().map(\.name) == [
                "id", "x", "label", "ok", "pair", "list", "element", "mask", "list", "element", "wide",
            ])
    }

    @Test func nullsInEveryForm() throws {
        // Empty TDs, the VALUES null sentinel, '?' booleans, and BINARY2 null flags.
        let tableData = """
            <TABLEDATA><TR><TD/><TD></TD><TD/><TD/><TD/><TD/><TD/></TR>
            <TR><TD>-1</TD><TD> </TD><TD></TD><TD>?</TD><TD></TD><TD></TD><TD></TD></TR></TABLEDATA>
            """
        var rows = BinaryRows()
        for _ in 0..<2 {
            rows.flags(Array(repeating: true, count: 7))
            rows.long(0)
            rows.double(0)
            rows.chars("")
            rows.boolean(true)
            rows.short(0)
            rows.short(0)
            rows.byte(0)
            rows.unicodeChars("")
        }
        let binary2 = "<BINARY2><STREAM encoding='base64'>\(rows.base64)</STREAM></BINARY2>"
        let fromText = try Self.convert(MemoryByteSource(Self.document(tableData))).file
        let fromBinary = try Self.convert(MemoryByteSource(Self.document(binary2))).file
        #expect(fromText == fromBinary)
        let metadata = try FileFooter.metadata(of: fromText)
        for chunk in metadata.rowGroups[0].columns {
            #expect(chunk.metaData?.statistics?.nullCount == 2, "\(chunk.metaData?.pathInSchema ?? [])")
        }
    }

    @Test func rowLimitStopsAndMarksOverflow() throws {
        var options = VOParquetOptions()
        options.maxRows = 2
        let (file, summary) = try Self.convert(
            MemoryByteSource(Self.document(Self.binary(flags: true))), options: options)
        #expect(summary == VOTableConverter.Summary(rows: 2, limit: .maxRows(2)))
        let metadata = try FileFooter.metadata(of: file)
        #expect(metadata.numRows == 2)
        let content = try #require(FileFooter.keyValue("IVOA.VOTable-Parquet.content", in: metadata))
        #expect(
            content.contains("</TABLE>\n  <INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>\n  <INFO name=\"after\""))
    }

    @Test func tableWithoutDataGivesAnEmptyFile() throws {
        let document = "<VOTABLE><RESOURCE><TABLE><FIELD name='a' datatype='int'/></TABLE></RESOURCE></VOTABLE>"
        let (file, summary) = try Self.convert(MemoryByteSource(document))
        #expect(summary.rows == 0)
        #expect(try FileFooter.metadata(of: file).numRows == 0)
        let empty = try Self.convert(MemoryByteSource(Self.document("<TABLEDATA/>")))
        #expect(empty.summary.rows == 0)
    }

    @Test func badInputGivesOneLineErrorsWithLocations() throws {
        func tableData(_ rows: String) -> String { Self.document("<TABLEDATA>\n\(rows)\n</TABLEDATA>") }
        let good = "<TR><TD>1</TD><TD>1.5</TD><TD>a</TD><TD>T</TD><TD>1 2</TD><TD>101</TD><TD>w</TD></TR>"
        #expect(
            Self.conversionError(tableData(good + "\n<TR><TD>1</TD></TR>"))
                == "line 21, row 1: the row has 1 cells, the table has 7 FIELDs")
        #expect(
            Self.conversionError(tableData(good.replacingOccurrences(of: "</TR>", with: "<TD/></TR>")))
                == "line 20, row 0: the row has more cells than the 7 FIELDs")
        #expect(
            Self.conversionError(tableData(good.replacingOccurrences(of: "1.5", with: "1.5x")))
                == "line 20, row 0, column 'x': '1.5x' is not a double")
        #expect(
            Self.conversionError(tableData(good.replacingOccurrences(of: "1 2", with: "1 2 3")))
                == "line 20: column 'pair', row 0: fixed-length value needs 2 bytes, got 3")
        #expect(
            Self.conversionError(tableData(good.replacingOccurrences(of: "<TD>1 2</TD>", with: "<TD>1 99999</TD>")))
                == "line 20: column 'pair', row 0: value 99999 is outside -32768...32767")
        #expect(
            Self.conversionError(tableData(good + "</TABLEDATA")) ?? "" == "line 20: malformed XML: '<' inside a tag")
        let truncated = String(tableData(good).prefix(tableData(good).count - 60))
        #expect(Self.conversionError(truncated)?.hasSuffix("(truncated input?)") == true)

        let binary = Self.binary(flags: true)
        #expect(
            Self.conversionError(
                Self.document(
                    binary.replacingOccurrences(of: "encoding=\"base64\">\n", with: "encoding=\"base64\">\n%")))
                == "line 19: the base64 STREAM holds an invalid character '%'")
        var rows = BinaryRows()
        rows.flags(Array(repeating: false, count: 7))
        rows.long(5)
        rows.double(1)
        let cut = Self.document("<BINARY2><STREAM encoding='base64'>\(rows.base64)</STREAM></BINARY2>")
        #expect(
            Self.conversionError(cut)
                == "line 19, row 0, column 'label': the STREAM ends inside the row that starts at decoded byte 0 (truncated data?)"
        )
        // Inside a run of cells stored straight into the stage (id and x), the cell the
        // STREAM ends in is named, as when each cell is read alone.
        var cutInRun = BinaryRows()
        cutInRun.flags(Array(repeating: false, count: 7))
        cutInRun.long(5)
        #expect(
            Self.conversionError(
                Self.document("<BINARY2><STREAM encoding='base64'>\(cutInRun.base64)</STREAM></BINARY2>"))
                == "line 19, row 0, column 'x': the STREAM ends inside the row that starts at decoded byte 0 (truncated data?)"
        )
        #expect(
            Self.conversionError(Self.document("<BINARY2><STREAM encoding='base64'>AAA</STREAM></BINARY2>"))
                == "line 19: the base64 STREAM ends in the middle of a 4-character group")
        #expect(
            Self.conversionError(Self.document("<BINARY2><STREAM href='http://x/y'/></BINARY2>"))
                == "line 19: a STREAM that refers to external data (href) is not supported")
        #expect(
            Self.conversionError(Self.document("<FITS><STREAM encoding='base64'/></FITS>"))
                == "line 19: FITS data is not supported; only TABLEDATA, BINARY and BINARY2")
        #expect(
            Self.conversionError("<VOTABLE><RESOURCE><TABLE><FIELD name='a'/></TABLE></RESOURCE></VOTABLE>")
                == "line 1: FIELD 'a' has no datatype")

        let compressed = try Gzip.compress(Array(Self.document(binary).utf8))
        do {
            _ = try Self.convert(GzipDetectingSource(MemoryByteSource(Array(compressed.dropLast(40)))))
            Issue.record("a truncated gzip input converted")
        } catch {
            #expect("\(error)".hasSuffix("gzip input: the compressed input ends early (truncated file?)"))
            #expect(!"\(error)".contains("malformed XML"))
        }
    }
}
