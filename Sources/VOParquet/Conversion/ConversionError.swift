/// Why a VOTable stream could not be converted, with where it happened: the input
/// line, the row (zero-based) and the column, as far as they are known.
public struct ConversionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One-based input line, when known.
    public var line: Int?
    /// Zero-based row, when known.
    public var row: Int?
    /// Column name, when known.
    public var column: String?
    /// What was wrong.
    public var message: String

    /// A failure described by `message`, at the given location.
    public init(line: Int? = nil, row: Int? = nil, column: String? = nil, _ message: String) {
        self.line = line
        self.row = row
        self.column = column
        self.message = message
    }

    /// One line: "line 12, row 3, column 'mag': 'x' is not a float".
    public var description: String {
        var location: [String] = []
        if let line { location.append("line \(line)") }
        if let row { location.append("row \(row)") }
        if let column { location.append("column '\(column)'") }
        let text = location.isEmpty ? message : location.joined(separator: ", ") + ": " + message
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    init(_ error: XMLError) {
        self.init(line: error.line, error.isInputFailure ? error.message : "malformed XML: \(error.message)")
    }

    /// A writer or envelope error; the writer's own messages already name column and row.
    init(_ error: VOParquetError, line: Int? = nil) {
        if case .malformedXML(let xml) = error {
            self.init(xml)
        } else {
            self.init(line: line, "\(error)")
        }
    }
}
