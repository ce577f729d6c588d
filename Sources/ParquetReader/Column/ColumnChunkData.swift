/// A whole column chunk, decoded: its levels and its non-null values.
public struct ColumnChunkData: Sendable, Hashable {
    /// The leaf column the chunk belongs to.
    public let column: LeafColumn
    /// One definition level per entry; empty when the column's maximum is 0.
    public let definitionLevels: [UInt8]
    /// One repetition level per entry; empty when the column's maximum is 0.
    public let repetitionLevels: [UInt8]
    /// The non-null values, in order.
    public let values: ColumnValues
    /// Number of entries (values and nulls, the chunk's `num_values`).
    public let entryCount: Int
}
