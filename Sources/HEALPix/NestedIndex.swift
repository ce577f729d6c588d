extension HEALPix {
    /// The NESTED index at `order` (0…29) of the cell holding the position, in degrees.
    /// Right ascension may be any finite value (it is wrapped into [0, 360)); declination
    /// must lie in −90…90.
    public static func nestedIndex(order: Int, raDegrees: Double, decDegrees: Double)
        throws(HEALPixCoordinateError) -> Int64
    {
        let position = try DegreePosition(raDegrees: raDegrees, decDegrees: decDegrees)
        return nestedIndex(order: order, longitude: position.longitude, latitude: position.latitude)
    }

    /// The NESTED index at `order` (0…29) of the cell holding the direction at `longitude`
    /// and `latitude`, in radians; `latitude` must lie in [−π/2, π/2].
    public static func nestedIndex(order: Int, longitude: Double, latitude: Double) -> Int64 {
        precondition(isValid(order: order), "HEALPix order \(order) is outside 0...\(maximumOrder)")
        precondition(
            latitude >= -Double.pi / 2 && latitude <= Double.pi / 2, "latitude \(latitude) is not in [-π/2, π/2]")
        let position = BaseCellPosition(longitude: longitude, latitude: latitude)
        // The cell's frame turned by 45 degrees and scaled so that each cell at `order` is
        // one unit wide: nside/2 × (up ± across), a power of two, so the scaling is exact.
        let halfSide = Double(sign: .plus, exponent: order - 1, significand: 1)
        let side = UInt32(1) << order
        let i = cellCoordinate((position.up + position.across) * halfSide, side: side)
        let j = cellCoordinate((position.up - position.across) * halfSide, side: side)
        return Int64(position.baseCell) << (2 * order) | Int64(MortonCode.interleave(i, j))
    }

    /// The whole part of a scaled coordinate, kept inside the base cell: rounding can put
    /// a point on the far edge a hair past it, or one on the near edge a hair below zero.
    private static func cellCoordinate(_ value: Double, side: UInt32) -> UInt32 {
        guard value > 0 else { return 0 }
        return value >= Double(side) ? side - 1 : UInt32(value)
    }
}
