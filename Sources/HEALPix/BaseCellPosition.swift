#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A direction on the sphere projected onto the HEALPix plane (Calabretta & Roukema 2007,
/// MNRAS 381, 865): the base cell it falls in and where inside it, in the cell's frame
/// rotated by 45 degrees.
///
/// The equatorial band (|sin δ| ≤ 2/3) uses the cylindrical equal-area projection,
/// y = 3/2 sin δ; the polar caps the Collignon projection, whose
/// σ = √(3(1 − |sin δ|)) is computed as √6 cos(δ/2 ∓ π/4), which keeps its precision
/// near the poles. The arithmetic is that of cdshealpix, which HATS uses, so that the
/// same doubles give the same cell.
struct BaseCellPosition {
    /// The base cell, 0…11: 0–3 around the north pole, 4–7 on the equator, 8–11 around the
    /// south pole.
    let baseCell: Int
    /// West-to-east coordinate in the cell, in [−1, 1].
    let across: Double
    /// South-to-north coordinate in the cell, in [0, 2].
    let up: Double

    /// asin(2/3): the latitude where the polar caps meet the equatorial band.
    static let transitionLatitude = 0.729_727_656_226_966_3
    private static let fourOverPi = 4 / Double.pi
    private static let squareRootOfSix = 6.0.squareRoot()

    /// The position of the direction at `longitude`, `latitude` (radians; latitude in
    /// [−π/2, π/2]).
    init(longitude: Double, latitude: Double) {
        // The longitude as an offset in [−1, 1] from the middle of one of the four quarters
        // of the sphere (odd multiples of π/4).
        let scaled = longitude.magnitude * Self.fourOverPi
        let middle = UInt8(clamping: Int(scaled)) | 1
        let offset: Double
        let quarter: Int
        if longitude.sign == .plus {
            offset = scaled - Double(middle)
            quarter = Int((middle & 7) >> 1)
        } else {
            offset = Double(middle) - scaled
            quarter = 3 - Int((middle & 7) >> 1)
        }
        if latitude > Self.transitionLatitude {
            let sigma = Self.squareRootOfSix * cos(0.5 * latitude + Double.pi / 4)
            self.init(baseCell: quarter, across: offset * sigma, up: 2 - sigma)
        } else if latitude < -Self.transitionLatitude {
            let sigma = Self.squareRootOfSix * cos(0.5 * latitude - Double.pi / 4)
            self.init(baseCell: quarter + 8, across: offset * sigma, up: sigma)
        } else {
            // The quarter's column holds a north cell (top), an equatorial cell split
            // between its two sides (left and right), and a south cell (bottom). The
            // south-east and south-west edges belong to a cell, its north edges do not.
            let height = sin(latitude) * 1.5
            let belowRising = offset > height
            let aboveFalling = offset >= -height
            let shift = (belowRising ? 1 : 0) + (aboveFalling ? 1 : 0) - 1
            let rise = (belowRising ? 1 : 0) + (aboveFalling ? 0 : 1)
            let quarterShift = belowRising && aboveFalling ? 1 : 0
            self.init(
                baseCell: (rise << 2) + ((quarter + quarterShift) & 3),
                across: offset - Double(shift), up: height + Double(rise))
        }
    }

    private init(baseCell: Int, across: Double, up: Double) {
        self.baseCell = baseCell
        self.across = across
        self.up = up
    }
}
