/// How a column's values are encoded in its data pages.
public enum ColumnEncoding: Hashable, Sendable {
    /// PLAIN values.
    case plain
    /// A PLAIN dictionary page plus RLE_DICTIONARY indices, falling back to PLAIN for
    /// the rest of the column chunk once the dictionary passes its size limit.
    /// BOOLEAN columns, which have no dictionary encoding, use PLAIN.
    case dictionary
}
