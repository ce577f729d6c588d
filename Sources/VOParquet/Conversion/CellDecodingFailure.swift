/// Why one cell could not be decoded: its value, the writer, or the stream under it.
/// (Kept outside the generic readers: nested in them it crashes the optimizer.)
enum CellDecodingFailure: Error {
    /// The cell's text or bytes are not a value of the FIELD's type.
    case value(String)
    case writer(VOParquetError)
    case stream(ConversionError)
}
