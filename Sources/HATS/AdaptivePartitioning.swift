import HEALPix

/// The adaptive tiling of HATS: rows counted at the highest order are gathered into larger
/// cells as long as a cell stays within the pixel threshold, as hats-import does it
/// (`hats.pixel_math.generate_alignment` with `drop_empty_siblings` and `use_lower_order`,
/// its defaults).
///
/// - The deepest order used is the lowest order above `lowestOrder` at which no cell holds
///   more than the threshold (the counts are summed up the tree to find it).
/// - Going from that order towards `lowestOrder`, a cell becomes one partition when its rows
///   are within the threshold and more than one of its four children holds rows; a cell with
///   a single non-empty child keeps that child's partitioning, so isolated regions stay small.
///   The lowest such cell on the way to the root wins.
/// - With `lowestOrder == highestOrder`, every non-empty cell at that order is a partition,
///   whatever its count (hats-import's constant order).
public enum AdaptivePartitioning {
    /// The partitions for `histogram` (counted at `highestOrder`), sorted as
    /// ``HEALPixPixel`` sorts: by the start of their order-29 ranges.
    public static func partitions(
        _ histogram: PixelHistogram, lowestOrder: Int, threshold: Int64
    ) throws(PartitioningError) -> [HATSPartition] {
        let highestOrder = histogram.order
        guard lowestOrder >= 0, lowestOrder <= highestOrder else {
            throw .invalidOrders(lowest: lowestOrder, highest: highestOrder)
        }
        guard threshold > 0 else { throw .invalidThreshold(threshold) }
        let deepest = histogram.sortedCounts
        guard !deepest.isEmpty else { throw .noRows }
        if lowestOrder == highestOrder {
            return deepest.map {
                HATSPartition(pixel: HEALPixPixel(order: highestOrder, index: $0.index), rows: $0.rows)
            }
        }
        if let largest = deepest.max(by: { $0.rows < $1.rows }), largest.rows > threshold {
            throw .cellOverThreshold(
                order: highestOrder, index: largest.index, rows: largest.rows, threshold: threshold)
        }
        // levels[k - lowestOrder]: the non-empty cells at order k, sorted, with their rows.
        var levels = [deepest]
        for _ in stride(from: highestOrder, to: lowestOrder, by: -1) {
            levels.insert(parents(of: levels[0]), at: 0)
        }
        var deepestUsed = highestOrder
        for order in stride(from: highestOrder, to: lowestOrder, by: -1) {
            guard levels[order - lowestOrder].allSatisfy({ $0.rows <= threshold }) else { break }
            deepestUsed = order
        }
        return assign(
            levels: Array(levels[...(deepestUsed - lowestOrder)]), lowestOrder: lowestOrder, threshold: threshold)
    }

    /// The cells one order up, summed, sorted.
    private static func parents(of cells: [(index: Int64, rows: Int64)]) -> [(index: Int64, rows: Int64)] {
        var result: [(index: Int64, rows: Int64)] = []
        for cell in cells {
            let parent = cell.index >> 2
            if let last = result.last, last.index == parent {
                result[result.count - 1].rows += cell.rows
            } else {
                result.append((parent, cell.rows))
            }
        }
        return result
    }

    /// Walks the levels from `lowestOrder` down: a cell that gathers its children becomes a
    /// partition unless a cell above it already did; at the deepest level every cell left is one.
    private static func assign(levels: [[(index: Int64, rows: Int64)]], lowestOrder: Int, threshold: Int64)
        -> [HATSPartition]
    {
        let deepestLevel = levels.count - 1
        var partitions: [HATSPartition] = []
        // Per cell of the level above: whether it or a cell above it became a partition.
        var coveredAbove: [Bool] = []
        for level in 0...deepestLevel {
            let cells = levels[level]
            let order = lowestOrder + level
            var covered = [Bool](repeating: false, count: cells.count)
            var parentPosition = 0
            var childPosition = 0
            for (position, cell) in cells.enumerated() {
                if level > 0 {
                    while levels[level - 1][parentPosition].index != cell.index >> 2 { parentPosition += 1 }
                    if coveredAbove[parentPosition] {
                        covered[position] = true
                        continue
                    }
                }
                let gathers: Bool
                if level == deepestLevel {
                    gathers = true
                } else {
                    // The children follow in the next level's order; the largest is compared
                    // with the sum: equal means at most one child holds rows.
                    let children = levels[level + 1]
                    while children[childPosition].index >> 2 != cell.index { childPosition += 1 }
                    var largest: Int64 = 0
                    while childPosition < children.count, children[childPosition].index >> 2 == cell.index {
                        largest = max(largest, children[childPosition].rows)
                        childPosition += 1
                    }
                    gathers = cell.rows != largest && cell.rows <= threshold
                }
                if gathers {
                    covered[position] = true
                    partitions.append(
                        HATSPartition(pixel: HEALPixPixel(order: order, index: cell.index), rows: cell.rows))
                }
            }
            coveredAbove = covered
        }
        return partitions.sorted { $0.pixel < $1.pixel }
    }
}
