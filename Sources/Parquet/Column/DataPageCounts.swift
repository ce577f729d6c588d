/// The counts a data page header records beyond its sizes.
struct DataPageCounts {
    /// Value slots, nulls included.
    let valueCount: Int
    let nullCount: Int
    let rowCount: Int
    /// Bytes of the bare repetition and definition levels at the start of a v2 page's
    /// body; 0 in a v1 page, whose levels are length-prefixed and compressed with the values.
    let repetitionLevelByteCount: Int
    let definitionLevelByteCount: Int
}
