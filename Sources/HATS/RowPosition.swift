import HEALPix

/// A row's `_healpix_29` from its right ascension and declination, or why it has none.
enum RowPosition {
    case index29(Int64)
    case invalid(String)

    init(ra: Double?, dec: Double?, raColumn: String, decColumn: String) {
        guard let ra else {
            self = .invalid("the right ascension ('\(raColumn)') is null")
            return
        }
        guard let dec else {
            self = .invalid("the declination ('\(decColumn)') is null")
            return
        }
        do {
            self = .index29(try HEALPix.nestedIndex(order: SpatialIndexColumn.order, raDegrees: ra, decDegrees: dec))
        } catch {
            self = .invalid("\(error)")
        }
    }
}
