/// Why a set of counts cannot be partitioned.
public enum PartitioningError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A cell at the highest order holds more rows than a partition may.
    case cellOverThreshold(order: Int, index: Int64, rows: Int64, threshold: Int64)
    /// The lowest order is above the highest, or either is outside 0…29.
    case invalidOrders(lowest: Int, highest: Int)
    /// The threshold is not positive.
    case invalidThreshold(Int64)
    /// There are no rows at all.
    case noRows

    public var description: String {
        switch self {
        case .cellOverThreshold(let order, let index, let rows, let threshold):
            "the HEALPix cell \(index) at order \(order) holds \(rows) rows, more than the pixel threshold "
                + "\(threshold); raise --highest-order or --pixel-threshold"
        case .invalidOrders(let lowest, let highest):
            "--lowest-order \(lowest) and --highest-order \(highest) must satisfy 0 <= lowest <= highest <= 29"
        case .invalidThreshold(let threshold): "--pixel-threshold must be positive, got \(threshold)"
        case .noRows: "the input has no rows to partition"
        }
    }
}
