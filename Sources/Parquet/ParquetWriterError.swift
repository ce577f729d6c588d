/// Everything the writer can reject. Errors about a value name the column and the
/// zero-based row index the value was meant for; the rejected row is rolled back.
public enum ParquetWriterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The value's Swift type cannot go into the column's type.
    case typeMismatch(column: String, row: Int, expected: String, got: String)
    /// An integer outside the column's range (INT8, UINT16, a decimal's precision, …).
    case valueOutOfRange(column: String, row: Int, value: String, allowed: String)
    /// A null (`appendNull()`) in a column whose repetition is `.required`.
    case nullInRequiredColumn(column: String, row: Int)
    /// A null element in a list whose elements are REQUIRED.
    case nullListElement(column: String, row: Int)
    /// `endList()` with no list open.
    case noOpenList(row: Int)
    /// Bytes that are not valid UTF-8 for a STRING or JSON column.
    case invalidUTF8(column: String, row: Int)
    /// A FIXED_LEN_BYTE_ARRAY value of the wrong length.
    case wrongFixedLength(column: String, row: Int, expected: Int, got: Int)
    /// The row ended before every column had a cell; `column` is the first one missing.
    case missingCell(column: String, row: Int)
    /// More cells than columns were appended to a row.
    case extraCell(row: Int, columnCount: Int)
    /// A columnar batch whose columns do not all have the same number of rows.
    case batchLengthMismatch(column: String, expected: Int, got: Int)
    /// A columnar batch's byte-array offsets for `row` decrease or point outside its bytes.
    case invalidOffsets(column: String, row: Int)
    /// The writer was closed, or failed earlier, and takes no more input.
    case writerClosed
    /// The output sink failed; the file is incomplete and the writer is unusable.
    case sinkFailed(String)
    /// The codec failed to compress one of the column's pages.
    case compressionFailed(column: String, message: String)
    /// `WriterOptions.memoryLimit` cannot hold one page per column; `minimum` is the
    /// smallest limit that works for this schema and these options.
    case memoryLimitTooSmall(limit: Int, minimum: Int, columnCount: Int)
    /// The temporary file for encoded pages could not be created, written or read. The
    /// open row group is dropped; the writer goes on and `close()` still gives a valid
    /// file with every row group written before.
    case spillFailed(String)
    /// The columns do not form a valid schema (an empty or duplicate name, a bad decimal, …).
    case invalidSchema(String)
    /// A `WriterOptions` or `ColumnOptions` value is out of range or names an unknown column.
    case invalidOption(String)

    public var description: String {
        switch self {
        case .typeMismatch(let column, let row, let expected, let got):
            "column '\(column)', row \(row): expected \(expected), got \(got)"
        case .valueOutOfRange(let column, let row, let value, let allowed):
            "column '\(column)', row \(row): value \(value) is outside \(allowed)"
        case .nullInRequiredColumn(let column, let row):
            "column '\(column)', row \(row): null in a REQUIRED column"
        case .nullListElement(let column, let row):
            "column '\(column)', row \(row): null element in a list of REQUIRED elements"
        case .noOpenList(let row):
            "row \(row): endList() without an open list"
        case .invalidUTF8(let column, let row):
            "column '\(column)', row \(row): bytes are not valid UTF-8"
        case .wrongFixedLength(let column, let row, let expected, let got):
            "column '\(column)', row \(row): fixed-length value needs \(expected) bytes, got \(got)"
        case .missingCell(let column, let row):
            "column '\(column)', row \(row): the row ended without a cell for this column"
        case .extraCell(let row, let columnCount):
            "row \(row): more cells than the \(columnCount) columns"
        case .batchLengthMismatch(let column, let expected, let got):
            "column '\(column)': batch has \(got) rows, expected \(expected)"
        case .invalidOffsets(let column, let row):
            "column '\(column)', row \(row): byte-array offsets decrease or point outside the bytes"
        case .writerClosed:
            "the writer is closed"
        case .sinkFailed(let message):
            "output failed: \(message)"
        case .compressionFailed(let column, let message):
            "column '\(column)': compression failed: \(message)"
        case .memoryLimitTooSmall(let limit, let minimum, let columnCount):
            "memory limit \(limit) bytes is too small for \(columnCount) columns: at least \(minimum) bytes are needed"
        case .spillFailed(let message):
            "temporary file for encoded pages: \(message)"
        case .invalidSchema(let message):
            "invalid schema: \(message)"
        case .invalidOption(let message):
            "invalid option: \(message)"
        }
    }
}
