import Parquet
import Testing

@testable import VOParquet

/// A null is the same cell in TABLEDATA, BINARY and BINARY2: an empty TD, an empty
/// text or variable-size array in BINARY (how a null of those types is written
/// there), and a flagged cell in BINARY2. Unflagged empty values in BINARY2 stay empty.
@Suite struct NullConsistencyTests {
    static let fields = """
          <FIELD name="label" datatype="char" arraysize="*"/>
          <FIELD name="when" datatype="char" arraysize="*" xtype="timestamp"/>
          <FIELD name="wide" datatype="unicodeChar" arraysize="*"/>
          <FIELD name="values" datatype="int" arraysize="*"/>
          <FIELD name="fixed" datatype="char" arraysize="4"/>
        """

    static let tableData = """
        <TABLEDATA><TR><TD/><TD></TD><TD/><TD/><TD/></TR>
        <TR><TD>a</TD><TD>2024-01-02T03:04:05</TD><TD>w</TD><TD>1 2</TD><TD>abcd</TD></TR></TABLEDATA>
        """

    /// The same rows in a binary serialization; BINARY2 flags the empty cells of row 0.
    static func binary(_ element: String, flagged: Bool = true) -> String {
        var rows = BinaryRows()
        for row in 0..<2 {
            if element == "BINARY2" { rows.flags(Array(repeating: row == 0 && flagged, count: 5)) }
            rows.chars(row == 0 ? "" : "a")
            rows.chars(row == 0 ? "" : "2024-01-02T03:04:05")
            rows.unicodeChars(row == 0 ? "" : "w")
            rows.int(row == 0 ? 0 : 2)
            if row == 1 {
                rows.int(1)
                rows.int(2)
            }
            for byte in (row == 0 ? [UInt8](repeating: 0, count: 4) : Array("abcd".utf8)) { rows.byte(byte) }
        }
        return "<\(element)><STREAM encoding='base64'>\(rows.base64)</STREAM></\(element)>"
    }

    @Test(arguments: [VOParquetOptions.TimestampStorage.string, .timestamp])
    func emptyCellsAreNullInEverySerialization(timestamps: VOParquetOptions.TimestampStorage) throws {
        var options = VOParquetOptions()
        options.timestamps = timestamps
        func convert(_ data: String) throws -> [UInt8] {
            try ConverterTests.convert(
                MemoryByteSource(ConverterTests.document(data, fields: Self.fields)), options: options
            ).file
        }
        let fromText = try convert(Self.tableData)
        // An empty timestamp in BINARY was "'' is not an ISO-8601 timestamp".
        #expect(try convert(Self.binary("BINARY")) == fromText)
        #expect(try convert(Self.binary("BINARY2")) == fromText)
        let metadata = try FileFooter.metadata(of: fromText)
        for chunk in metadata.rowGroups[0].columns {
            #expect(chunk.metaData?.statistics?.nullCount == 1, "\(chunk.metaData?.pathInSchema ?? [])")
        }
    }

    @Test func unflaggedEmptyValuesInBinary2StayEmpty() throws {
        let file = try ConverterTests.convert(
            MemoryByteSource(
                ConverterTests.document(
                    Self.binary("BINARY2", flagged: false), fields: Self.fields))
        ).file
        let metadata = try FileFooter.metadata(of: file)
        // No text is null: empty text is a value there, and a fixed-size char of NULs is an
        // empty string. (A LIST leaf counts an empty list among its nulls, so it is left out.)
        for chunk in metadata.rowGroups[0].columns where chunk.metaData?.pathInSchema.count == 1 {
            #expect(chunk.metaData?.statistics?.nullCount == 0, "\(chunk.metaData?.pathInSchema ?? [])")
        }
    }
}
