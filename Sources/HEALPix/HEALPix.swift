/// The HEALPix tessellation of the sphere in the NESTED numbering scheme (Górski et al. 2005,
/// ApJ 622, 759): 12 base cells, each split into four children at every further order, so
/// that order `k` has `12 × 4^k` cells of equal area and a cell's children are numbered
/// `4 × index … 4 × index + 3`.
///
///     let index = try HEALPix.nestedIndex(order: 29, raDegrees: 53.1, decDegrees: -27.8)
///     let parent = HEALPixPixel(order: 29, index: index).parent(at: 10)
public enum HEALPix {
    /// The deepest order whose indexes fit in 64 bits: 12 × 4^29 < 2^63.
    public static let maximumOrder = 29

    /// Cells at `order` (0…29): 12 × 4^order.
    public static func pixelCount(order: Int) -> Int64 {
        precondition(isValid(order: order), "HEALPix order \(order) is outside 0...\(maximumOrder)")
        return 12 << (2 * order)
    }

    /// Whether `order` is one HEALPix numbers (0…29).
    public static func isValid(order: Int) -> Bool {
        order >= 0 && order <= maximumOrder
    }
}
