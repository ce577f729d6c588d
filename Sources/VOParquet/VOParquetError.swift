import Parquet

/// Everything the VOParquet layer can reject. Problems with the envelope are found
/// before any byte is written; problems with a value name the column and the
/// zero-based row.
public enum VOParquetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The envelope or document is not well-formed XML.
    case malformedXML(XMLError)
    /// Well-formed XML that is not a usable VOTable (no VOTABLE root, no TABLE, no FIELD, …).
    case invalidVOTable(String)
    /// A FIELD without a name; `position` is zero-based.
    case fieldWithoutName(position: Int)
    /// A FIELD without a datatype.
    case fieldWithoutDatatype(column: String)
    /// A datatype that VOTable does not define.
    case unknownDatatype(column: String, datatype: String)
    /// An arraysize that does not parse.
    case invalidArraysize(column: String, arraysize: String)
    /// Two FIELDs with the same name.
    case duplicateColumn(String)
    /// An explicit column type that disagrees with the envelope's FIELD.
    case columnTypeMismatch(column: String, detail: String)
    /// The envelope and the explicit column types have different column counts.
    case columnCountMismatch(fields: Int, columnTypes: Int)
    /// A FIELD this writer cannot map, with the reason.
    case unsupportedField(column: String, reason: String)
    /// Text for a TIMESTAMP column that is not an ISO-8601 date and time.
    case invalidTimestamp(column: String, row: Int, text: String)
    /// A string longer than its column's arraysize, when truncation is turned off.
    case stringTooLong(column: String, row: Int, length: Int, limit: Int)
    /// The row would pass `maxRows` or `maxBytes`. Not fatal: the row is dropped,
    /// the writer takes no more rows, and `finish(overflow: true)` completes the file.
    case limitReached(VOParquetLimit)
    /// Under `maxBytes`: the embedded document, with the INFO elements given to
    /// `finish`, is longer than the envelope's plus `infoReserveBytes`.
    case metadataTooLarge(bytes: Int, budget: Int)
    /// `maxBytes` cannot hold even an empty file with this envelope.
    case maxBytesTooSmall(maxBytes: Int, needed: Int)
    /// An error of the core writer (a value of the wrong type, out of range, …).
    case writer(ParquetWriterError)

    public var description: String {
        switch self {
        case .malformedXML(let error): "malformed VOTable: \(error)"
        case .invalidVOTable(let message): "invalid VOTable: \(message)"
        case .fieldWithoutName(let position): "FIELD #\(position + 1) of the first TABLE has no name"
        case .fieldWithoutDatatype(let column): "FIELD '\(column)' has no datatype"
        case .unknownDatatype(let column, let datatype): "FIELD '\(column)' has unknown datatype '\(datatype)'"
        case .invalidArraysize(let column, let arraysize): "FIELD '\(column)' has invalid arraysize '\(arraysize)'"
        case .duplicateColumn(let name): "two FIELDs are named '\(name)'"
        case .columnTypeMismatch(let column, let detail): "column '\(column)': \(detail)"
        case .columnCountMismatch(let fields, let columnTypes):
            "the envelope has \(fields) FIELDs but \(columnTypes) column types were given"
        case .unsupportedField(let column, let reason): "FIELD '\(column)': \(reason)"
        case .invalidTimestamp(let column, let row, let text):
            "column '\(column)', row \(row): '\(text)' is not an ISO-8601 timestamp"
        case .stringTooLong(let column, let row, let length, let limit):
            "column '\(column)', row \(row): string of \(length) characters exceeds arraysize \(limit)"
        case .limitReached(let limit): "\(limit) reached"
        case .metadataTooLarge(let bytes, let budget):
            "the embedded VOTable takes \(bytes) bytes, more than the \(budget) that maxBytes leaves for it"
        case .maxBytesTooSmall(let maxBytes, let needed):
            "maxBytes \(maxBytes) cannot hold even an empty file (\(needed) bytes)"
        case .writer(let error): "\(error)"
        }
    }
}

/// Which limit refused a row.
public enum VOParquetLimit: Equatable, Sendable, CustomStringConvertible {
    /// `VOParquetOptions.maxRows`, with its value.
    case maxRows(Int)
    /// `VOParquetOptions.maxBytes`, with its value.
    case maxBytes(Int)

    public var description: String {
        switch self {
        case .maxRows(let rows): "maxRows (\(rows))"
        case .maxBytes(let bytes): "maxBytes (\(bytes))"
        }
    }
}
