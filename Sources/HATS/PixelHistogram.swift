import HEALPix

/// Rows counted per HEALPix cell at one order: the first pass of a HATS import.
///
/// Only cells that hold rows are kept, so memory grows with the sky the catalog covers,
/// not with the order.
public struct PixelHistogram: Sendable, Equatable {
    /// The order the cells are counted at.
    public let order: Int
    /// Rows per cell index at `order`; cells without rows are absent.
    public private(set) var counts: [Int64: Int64] = [:]
    /// All rows counted.
    public private(set) var totalRows: Int64 = 0

    /// An empty histogram at `order` (0…29).
    public init(order: Int) {
        precondition(HEALPix.isValid(order: order), "HEALPix order \(order) is outside 0...\(HEALPix.maximumOrder)")
        self.order = order
    }

    /// Counts `rows` rows in cell `index` at `order`.
    public mutating func add(index: Int64, rows: Int64 = 1) {
        counts[index, default: 0] += rows
        totalRows += rows
    }

    /// Counts one row by its order-29 index (`_healpix_29`).
    public mutating func add(index29: Int64) {
        add(index: index29 >> (2 * (HEALPix.maximumOrder - order)))
    }

    /// Adds every count of `other`, a histogram at the same order.
    public mutating func merge(_ other: PixelHistogram) {
        precondition(other.order == order, "histograms at orders \(order) and \(other.order)")
        for (index, rows) in other.counts { add(index: index, rows: rows) }
    }

    /// The cells that hold rows, by increasing index, with their counts.
    public var sortedCounts: [(index: Int64, rows: Int64)] {
        counts.sorted { $0.key < $1.key }.map { (index: $0.key, rows: $0.value) }
    }
}
