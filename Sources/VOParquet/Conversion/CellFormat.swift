/// How one FIELD's cells look in a VOTable DATA section, derived from the FIELD.
struct CellFormat {
    enum Primitive {
        case boolean, bit, unsignedByte, short, int, long, float, double, char, unicodeChar
    }

    let name: String
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
    let textNull: [UInt8]?

    init(_ column: VOParquetColumn) {
        let field = column.field
        name = field.name
        primitive = switch field.datatype {
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
            (text + [0]).withUnsafeBytes { TextValues.double($0.baseAddress!.assumingMemoryBound(to: CChar.self), count: text.count) }
        }
        textNull = field.datatype.isCharacter ? nullText : nil
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

    var isInteger: Bool {
        switch primitive {
        case .unsignedByte, .short, .int, .long: true
        default: false
        }
    }
}
