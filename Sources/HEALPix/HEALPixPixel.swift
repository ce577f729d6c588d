/// One HEALPix cell in the NESTED scheme: its order and its index at that order.
///
/// Cells order as their ranges of order-29 indexes do (a parent before its children,
/// then its next sibling), the order of a catalog sorted by `_healpix_29`.
public struct HEALPixPixel: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The order, 0…29.
    public let order: Int
    /// The index at `order`, 0 ..< 12 × 4^order.
    public let index: Int64

    /// The cell `index` at `order`.
    public init(order: Int, index: Int64) {
        precondition(index >= 0 && index < HEALPix.pixelCount(order: order), "no cell \(index) at order \(order)")
        self.order = order
        self.index = index
    }

    /// The cell at `order` holding the position, in degrees (see ``HEALPix/nestedIndex(order:raDegrees:decDegrees:)``).
    public init(order: Int, raDegrees: Double, decDegrees: Double) throws(HEALPixCoordinateError) {
        self.init(
            order: order, index: try HEALPix.nestedIndex(order: order, raDegrees: raDegrees, decDegrees: decDegrees))
    }

    /// The cell at `order` (at most this one's) that holds this one.
    public func parent(at order: Int) -> HEALPixPixel {
        precondition(order >= 0 && order <= self.order, "order \(order) is not an ancestor order of \(self)")
        return HEALPixPixel(order: order, index: index >> (2 * (self.order - order)))
    }

    /// The four cells one order deeper.
    public var children: [HEALPixPixel] {
        precondition(order < HEALPix.maximumOrder, "a cell at order \(HEALPix.maximumOrder) has no children")
        return (0..<4).map { HEALPixPixel(order: order + 1, index: index << 2 | Int64($0)) }
    }

    /// The indexes at `order` (at least this one's) of the cells inside this one.
    public func descendants(at order: Int) -> Range<Int64> {
        precondition(order >= self.order && HEALPix.isValid(order: order), "order \(order) is not below \(self)")
        let shift = 2 * (order - self.order)
        return (index << shift)..<((index + 1) << shift)
    }

    /// Whether `other` is this cell or lies inside it.
    public func contains(_ other: HEALPixPixel) -> Bool {
        other.order >= order && other.index >> (2 * (other.order - order)) == index
    }

    /// Whether `left`'s order-29 range starts before `right`'s, or at the same index with
    /// `left` the larger cell.
    public static func < (left: HEALPixPixel, right: HEALPixPixel) -> Bool {
        let leftStart = left.descendants(at: HEALPix.maximumOrder).lowerBound
        let rightStart = right.descendants(at: HEALPix.maximumOrder).lowerBound
        return leftStart != rightStart ? leftStart < rightStart : left.order < right.order
    }

    public var description: String { "Norder=\(order) Npix=\(index)" }
}
