import ParquetReader
import VOParquet

/// Why a HATS catalog could not be written. Each description is one line that names the
/// input, row or column involved.
public enum HATSImportError: Error, CustomStringConvertible {
    /// An input could not be read as a VOTable.
    case input(name: String, ConversionError)
    /// An input's FIELDs differ from those of the first input.
    case differentFields(name: String, firstInput: String, detail: String)
    /// `--ra` or `--dec` names no FIELD.
    case missingColumn(option: String, column: String, input: String, available: [String])
    /// `--ra` or `--dec` names a FIELD that is not a numeric scalar.
    case positionColumnType(option: String, column: String, datatype: String)
    /// A row whose position is null, not finite or out of range.
    case invalidPosition(input: String, row: Int, detail: String)
    /// A column the catalog writer cannot carry.
    case unsupportedColumn(name: String, reason: String)
    /// The counts cannot be partitioned.
    case partitioning(PartitioningError)
    /// A temporary or output file could not be written or read.
    case io(String)
    /// A partition file could not be written.
    case writer(path: String, VOParquetError)
    /// The temporary copy of the rows could not be read back.
    case spool(ParquetReaderError)
    /// The run was interrupted (a signal).
    case interrupted

    public var description: String {
        switch self {
        case .input(let name, let error): "'\(name)': \(error)"
        case .differentFields(let name, let first, let detail):
            "'\(name)' has other FIELDs than '\(first)' (\(detail)); every input must have the same FIELDs"
        case .missingColumn(let option, let column, let input, let available):
            "\(option) '\(column)': '\(input)' has no FIELD of that name (FIELDs: "
                + available.prefix(20).joined(separator: ", ") + (available.count > 20 ? ", ..." : "") + ")"
        case .positionColumnType(let option, let column, let datatype):
            "\(option) '\(column)' must be a numeric scalar FIELD in degrees; it is \(datatype)"
        case .invalidPosition(let input, let row, let detail):
            "'\(input)', row \(row): \(detail); give --drop-invalid-positions to leave such rows out"
        case .unsupportedColumn(let name, let reason): "column '\(name)' cannot be written to the catalog: \(reason)"
        case .partitioning(let error): "\(error)"
        case .io(let message): message
        case .writer(let path, let error): "'\(path)': \(error)"
        case .spool(let error): "reading back the temporary copy of the rows: \(error)"
        case .interrupted: "interrupted"
        }
    }
}
