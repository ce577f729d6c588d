import Foundation

/// One cell of a row, for the convenience `appendRow(_:)`. The typed `append`
/// methods avoid this enum and are faster.
public enum Cell: Hashable, Sendable {
    /// A null value (the column must be optional).
    case null
    /// A BOOLEAN value.
    case bool(Bool)
    /// A signed integer, range-checked against the column's type.
    case int(Int64)
    /// An unsigned integer, range-checked against the column's type.
    case uint(UInt64)
    /// A FLOAT value.
    case float(Float)
    /// A DOUBLE value.
    case double(Double)
    /// A half-precision value for a FLOAT16 column.
    case float16(Float16)
    /// Text for a STRING, JSON or ENUM column.
    case string(String)
    /// Raw bytes for a BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY column.
    case bytes([UInt8])
    /// A UUID for a UUID column.
    case uuid(UUID)
    /// A list cell, or an element list of a list of lists.
    case list([Cell])
}

extension ParquetWriter {
    /// Appends a whole row and ends it. On error nothing of the row is kept.
    public func appendRow(_ cells: [Cell]) throws(ParquetWriterError) {
        for cell in cells { try append(cell) }
        try endRow()
    }

    /// Appends one cell, or one element of the open list.
    public func append(_ cell: Cell) throws(ParquetWriterError) {
        switch cell {
        case .null: try appendNull()
        case .bool(let value): try append(value)
        case .int(let value): try append(value)
        case .uint(let value): try append(value)
        case .float(let value): try append(value)
        case .double(let value): try append(value)
        case .float16(let value): try append(value)
        case .string(let value): try append(value)
        case .bytes(let value): try append(bytes: value)
        case .uuid(let value): try append(value)
        case .list(let elements):
            try beginList()
            for element in elements { try append(element) }
            try endList()
        }
    }
}
