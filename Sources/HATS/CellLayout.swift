import ParquetFormat
import ParquetReader

/// How one column's cells are laid out in an encoded row (`RowEncoder`, `RowReplayer`): the
/// rows of a spool file between reading it and writing them to a partition.
///
/// A cell is a tag byte, 0 for null and 1 otherwise, then for a scalar its value, for a list
/// its element count (UInt32) and each element as a tag byte and a value. Values are in host
/// byte order (the rows never leave the process): 1 byte for BOOLEAN, 4 for INT32 and FLOAT,
/// 8 for INT64 and DOUBLE, and for BYTE_ARRAY a UInt32 length and the bytes.
struct CellLayout: Sendable, Equatable {
    /// The physical type of the values.
    enum ValueType: Sendable, Equatable {
        case boolean, int32, int64, float, double, byteArray
    }

    let name: String
    let valueType: ValueType
    /// Whether the cell is a list (an array FIELD).
    let isList: Bool

    /// The layout of a VOParquet column as the reader sees it: an optional scalar, or an
    /// optional LIST of optional elements.
    init(_ leaf: LeafColumn) throws(HATSImportError) {
        name = leaf.path.first ?? leaf.dottedPath
        switch leaf.physicalType {
        case .boolean: valueType = .boolean
        case .int32: valueType = .int32
        case .int64: valueType = .int64
        case .float: valueType = .float
        case .double: valueType = .double
        case .byteArray: valueType = .byteArray
        default: throw .unsupportedColumn(name: name, reason: "physical type \(leaf.physicalType)")
        }
        switch (leaf.maxRepetitionLevel, leaf.maxDefinitionLevel) {
        case (0, 0...1): isList = false
        case (1, 3): isList = true
        default:
            throw .unsupportedColumn(
                name: name,
                reason: "nesting with repetition level \(leaf.maxRepetitionLevel), "
                    + "definition level \(leaf.maxDefinitionLevel)")
        }
    }
}
