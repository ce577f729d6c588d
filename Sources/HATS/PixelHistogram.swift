import HEALPix

/// Rows counted per HEALPix cell at one order: the first pass of a HATS import.
///
/// Counts start in a dictionary of the cells that hold rows, so memory follows the sky the
/// catalog covers; at orders up to 13, once that would take more than a count for every
/// cell of the order (a quarter of the cells non-empty), they move to such an array, as
/// hats-import keeps them (12 × 4^10 counts, 96 MiB, at order 10).
public struct PixelHistogram: Sendable {
    /// The order the cells are counted at.
    public let order: Int
    /// All rows counted.
    public private(set) var totalRows: Int64 = 0
    private var sparse: [Int64: Int64] = [:]
    private var dense: [Int64]?
    /// The number of non-empty cells past which the counts become an array.
    private let denseThreshold: Int

    /// An empty histogram at `order` (0…29).
    public init(order: Int) {
        precondition(HEALPix.isValid(order: order), "HEALPix order \(order) is outside 0...\(HEALPix.maximumOrder)")
        self.order = order
        denseThreshold = order <= 13 ? Int(HEALPix.pixelCount(order: order)) / 4 : Int.max
    }

    /// Counts `rows` rows in cell `index` at `order`.
    public mutating func add(index: Int64, rows: Int64 = 1) {
        totalRows += rows
        if dense != nil {
            dense![Int(index)] += rows
            return
        }
        sparse[index, default: 0] += rows
        if sparse.count > denseThreshold {
            var counts = [Int64](repeating: 0, count: Int(HEALPix.pixelCount(order: order)))
            for (cell, rows) in sparse { counts[Int(cell)] = rows }
            sparse = [:]
            dense = counts
        }
    }

    /// Counts one row by its order-29 index (`_healpix_29`).
    public mutating func add(index29: Int64) {
        add(index: index29 >> (2 * (HEALPix.maximumOrder - order)))
    }

    /// The cells that hold rows, by increasing index, with their counts.
    public var sortedCounts: [(index: Int64, rows: Int64)] {
        if let dense {
            return dense.indices.lazy.filter { dense[$0] != 0 }.map { (index: Int64($0), rows: dense[$0]) }
        }
        return sparse.sorted { $0.key < $1.key }.map { (index: $0.key, rows: $0.value) }
    }
}
