import VOParquet

/// What a HATS import does: where the positions are, how the sky is partitioned, and how
/// the partition files are written.
public struct HATSImportOptions: Sendable {
    /// The catalog's name (`obs_collection`).
    public var catalogName: String
    /// The FIELD with the right ascension, in degrees.
    public var raColumn: String
    /// The FIELD with the declination, in degrees.
    public var decColumn: String
    /// The most rows in a partition (hats-import's `pixel_threshold`).
    public var pixelThreshold: Int64 = 1_000_000
    /// The order rows are counted at, the deepest a partition can have.
    public var highestOrder = 10
    /// The shallowest order a partition can have.
    public var lowestOrder = 0
    /// Whether rows whose position is null, not finite or out of range are left out
    /// (and counted) rather than stopping the import.
    public var dropsInvalidPositions = false
    /// How the partition files are written; `writer.memoryLimit` also bounds the rows the
    /// sort holds in memory.
    public var output = VOParquetOptions()
    /// The `hats_builder` property: the program that wrote the catalog.
    public var builder = "voparquet"

    /// Options for a catalog named `catalogName` with positions in `raColumn` and `decColumn`.
    public init(catalogName: String, raColumn: String, decColumn: String) {
        self.catalogName = catalogName
        self.raColumn = raColumn
        self.decColumn = decColumn
    }
}
