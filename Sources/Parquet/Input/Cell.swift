import Foundation

/// One cell of a row, for the convenience `appendRow(_:)`. The typed `append`
/// methods avoid this enum and are faster.
public enum Cell: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case float(Float)
    case double(Double)
    case float16(Float16)
    case string(String)
    case bytes([UInt8])
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
