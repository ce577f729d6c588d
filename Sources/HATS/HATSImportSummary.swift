/// What a HATS import wrote.
public struct HATSImportSummary: Sendable, Equatable {
    /// Rows in the catalog.
    public var rows: Int64
    /// Rows left out for an invalid position (with `dropsInvalidPositions`).
    public var droppedRows: Int64
    /// The partitions, sorted by their order-29 ranges.
    public var partitions: [HATSPartition]
}
