import HEALPix

/// One partition of a HATS catalog: a HEALPix cell and the rows it holds, written to
/// `dataset/Norder=K/Dir=D/Npix=N.parquet`.
public struct HATSPartition: Hashable, Sendable {
    /// The cell.
    public let pixel: HEALPixPixel
    /// Rows in the cell.
    public let rows: Int64

    /// A partition of `rows` rows in `pixel`.
    public init(pixel: HEALPixPixel, rows: Int64) {
        self.pixel = pixel
        self.rows = rows
    }

    /// The `Dir` of the partition's path: the index rounded down to a multiple of 10,000,
    /// so that no directory holds more than 10,000 files.
    public var directory: Int64 { pixel.index / 10_000 * 10_000 }

    /// The file's path below the catalog directory.
    public var path: String { "dataset/" + datasetPath }

    /// The file's path below `dataset/`, as `_metadata` records it.
    public var datasetPath: String {
        "Norder=\(pixel.order)/Dir=\(directory)/Npix=\(pixel.index).parquet"
    }
}
