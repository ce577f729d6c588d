import Parquet
import Testing

@testable import VOParquet

/// A first TABLE without FIELD gives one message, with its line, whether or not it has DATA.
@Suite struct TableWithoutFieldTests {
    @Test(arguments: [
        "<VOTABLE><RESOURCE><TABLE>\n<DATA><TABLEDATA></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>",
        "<VOTABLE><RESOURCE><TABLE>\n</TABLE></RESOURCE></VOTABLE>",
    ])
    func oneMessageForATableWithoutField(document: String) {
        #expect(ConverterTests.conversionError(document) == "line 2: invalid VOTable: the first TABLE has no FIELD")
    }
}
