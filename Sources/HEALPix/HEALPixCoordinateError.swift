/// A position that has no HEALPix cell.
public enum HEALPixCoordinateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Right ascension or declination is NaN or infinite.
    case notFinite(raDegrees: Double, decDegrees: Double)
    /// Declination outside −90…90 degrees.
    case declinationOutOfRange(decDegrees: Double)

    public var description: String {
        switch self {
        case .notFinite(let ra, let dec): "the position (ra \(ra), dec \(dec)) is not finite"
        case .declinationOutOfRange(let dec): "dec \(dec) is outside -90...90 degrees"
        }
    }
}
