/// The data page format of a file.
public enum DataPageVersion: Hashable, Sendable {
    /// DATA_PAGE: levels and values compressed together, levels length-prefixed.
    case v1
    /// DATA_PAGE_V2: levels stored uncompressed ahead of the (possibly compressed)
    /// values, with the null and row counts in the page header. BOOLEAN values are
    /// RLE-encoded unless the column asks for PLAIN.
    case v2
}
