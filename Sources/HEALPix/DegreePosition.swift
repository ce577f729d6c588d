#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Right ascension and declination in degrees, turned into the longitude and latitude in
/// radians that the projection takes.
///
/// The steps are those of the astropy `Longitude` and `Latitude` that HATS passes to
/// cdshealpix, so that a position on a cell boundary lands in the same cell as there:
/// right ascension is wrapped into [0, 360) with NumPy's floor division (−0.0 becoming
/// +0.0), then each angle is multiplied by π/180.
struct DegreePosition {
    /// Longitude in radians, in [0, 2π].
    let longitude: Double
    /// Latitude in radians, in [−π/2, π/2].
    let latitude: Double

    private static let radiansPerDegree = Double.pi / 180

    init(raDegrees: Double, decDegrees: Double) throws(HEALPixCoordinateError) {
        guard raDegrees.isFinite, decDegrees.isFinite else {
            throw .notFinite(raDegrees: raDegrees, decDegrees: decDegrees)
        }
        guard decDegrees >= -90, decDegrees <= 90 else { throw .declinationOutOfRange(decDegrees: decDegrees) }
        longitude = Self.wrapped(raDegrees) * Self.radiansPerDegree
        latitude = decDegrees * Self.radiansPerDegree
    }

    /// `degrees` moved into [0, 360) by whole turns; values already there are kept as they
    /// are, except −0.0, whose sign bit would send it to the far side of the 0/360 meridian.
    static func wrapped(_ degrees: Double) -> Double {
        if degrees == 0 { return 0 }
        guard degrees < 0 || degrees >= 360 else { return degrees }
        var value = degrees - floorDivision(degrees, 360) * 360
        // The subtraction can round onto either end of the range.
        if value >= 360 { value -= 360 }
        if value < 0 { value += 360 }
        return value
    }

    /// NumPy's floor division of doubles: the quotient computed from the remainder of
    /// fmod, so that `a - q × b` stays the exact remainder, then rounded to the nearest
    /// whole number where the division left a fraction past one half.
    static func floorDivision(_ a: Double, _ b: Double) -> Double {
        var remainder = fmod(a, b)
        var quotient = (a - remainder) / b
        if remainder != 0, (b < 0) != (remainder < 0) {
            remainder += b
            quotient -= 1
        }
        guard quotient != 0 else { return (a / b).sign == .minus ? -0.0 : 0.0 }
        var floored = quotient.rounded(.down)
        if quotient - floored > 0.5 { floored += 1 }
        return floored
    }
}
