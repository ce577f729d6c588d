/// How one FIELD's cells look in a VOTable DATA section, derived from the FIELD.
/// Only plain values, so that reading one per cell costs no reference counting;
/// the column's name and text null live in `CellFormat.names` and `textNulls`.
struct CellFormat {
    enum Primitive {
        case boolean, bit, unsignedByte, short, int, long, float, double, char, unicodeChar
    }

    /// Index of the column.
    let column: Int
    let primitive: Primitive
    /// Whether the Parquet column is a LIST.
    let isList: Bool
    /// Elements per value: 2 for complex numbers, 1 otherwise.
    let elementsPerValue: Int
    /// Values per cell (characters for char types) when fixed; nil when each cell
    /// says how many (BINARY's 4-byte count).
    let fixedCount: Int?
    /// The VALUES null sentinel, parsed for the column's type.
    let integerNull: Int64?
    let floatNull: Double?

    init(_ column: VOParquetColumn, index: Int) {
        let field = column.field
        self.column = index
        primitive =
            switch field.datatype {
            case .boolean: .boolean
            case .bit: .bit
            case .unsignedByte: .unsignedByte
            case .short: .short
            case .int: .int
            case .long: .long
            case .float, .floatComplex: .float
            case .double, .doubleComplex: .double
            case .char: .char
            case .unicodeChar: .unicodeChar
            }
        isList = column.isList
        elementsPerValue = field.datatype.isComplex ? 2 : 1
        if let arraysize = field.arraysize {
            fixedCount = arraysize.fixedCount
        } else {
            fixedCount = 1
        }
        let nullText = field.nullValue.map { Array($0.utf8) }
        integerNull = nullText.flatMap { text in text.withUnsafeBytes { TextValues.integer($0) } }
        floatNull = nullText.flatMap { text in
            (text + [0]).withUnsafeBytes {
                TextValues.double($0.baseAddress!.assumingMemoryBound(to: CChar.self), count: text.count)
            }
        }
    }

    /// The columns' names, for messages.
    static func names(_ columns: [VOParquetColumn]) -> [String] { columns.map(\.field.name) }

    /// Per column: the VALUES null of a char or unicodeChar column, as UTF-8.
    static func textNulls(_ columns: [VOParquetColumn]) -> [[UInt8]?] {
        columns.map { $0.field.datatype.isCharacter ? $0.field.nullValue.map { Array($0.utf8) } : nil }
    }

    /// Bytes one element takes in BINARY (bits are packed separately).
    var elementWidth: Int {
        switch primitive {
        case .boolean, .unsignedByte, .char: 1
        case .short, .unicodeChar: 2
        case .int, .float: 4
        case .long, .double: 8
        case .bit: 0
        }
    }

}
