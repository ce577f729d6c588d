import Parquet

/// A scalar numeric or boolean column whose BINARY cells the reader stores straight
/// into the core writer's row stage: the type checks were made once, by
/// `ParquetWriter.directCellOffset`.
struct DirectCell {
    /// Where the cell lies in a staged row.
    let cellOffset: Int
    let type: DirectCellType
    let integerNull: Int64?
    let floatNull: Double?

    init(_ format: CellFormat, _ type: DirectCellType, _ cellOffset: Int) {
        self.cellOffset = cellOffset
        self.type = type
        integerNull = format.integerNull
        floatNull = format.floatNull
    }

    /// The type a scalar cell of `format` is stored as, or nil for text, bits and arrays.
    static func type(of format: CellFormat) -> DirectCellType? {
        guard !format.isList, format.fixedCount == 1, format.elementsPerValue == 1 else { return nil }
        switch format.primitive {
        case .boolean: return .boolean
        case .unsignedByte: return .uint8
        case .short: return .int16
        case .int: return .int32
        case .long: return .int64
        case .float: return .float
        case .double: return .double
        case .bit, .char, .unicodeChar: return nil
        }
    }

    /// Bytes one cell takes in the stream.
    var width: Int {
        switch type {
        case .boolean, .uint8: 1
        case .int16: 2
        case .int32, .float: 4
        case .int64, .double: 8
        }
    }
}
