#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The catalog's `hats.properties` (and its older name, `properties`): Java-style
/// `key=value` lines with the keys the HATS format defines for an object catalog.
struct CatalogProperties {
    var catalogName: String
    var rows: Int64
    var raColumn: String
    var decColumn: String
    var pixelThreshold: Int64
    var partitions: [HATSPartition]
    /// The dataset's size on disk, in bytes.
    var datasetBytes: Int
    var builder: String

    /// The HATS format version written, and the date that version was released.
    static let formatVersion = "v1.0"
    static let formatReleaseDate = "2025-08-22"

    /// The fraction of the sky the partitions cover, as hats computes it for `moc_sky_fraction`.
    var skyFraction: Double {
        partitions.reduce(0.0) { $0 + 1.0 / Double(12 << (2 * $1.pixel.order)) }
    }

    /// The file's text, creation date `now` (seconds since 1970).
    func text(now: Int) -> String {
        let entries: [(String, String)] = [
            ("obs_collection", catalogName),
            ("dataproduct_type", "object"),
            ("hats_nrows", "\(rows)"),
            ("hats_col_ra", raColumn),
            ("hats_col_dec", decColumn),
            ("hats_max_rows", "\(pixelThreshold)"),
            ("hats_order", "\(partitions.map(\.pixel.order).max() ?? 0)"),
            ("moc_sky_fraction", Self.fixed(skyFraction, decimals: 5)),
            ("hats_npix_suffix", ".parquet"),
            ("hats_col_healpix", SpatialIndexColumn.name),
            ("hats_col_healpix_order", "\(SpatialIndexColumn.order)"),
            ("hats_builder", builder),
            ("hats_creation_date", Self.utcMinute(now)),
            ("hats_estsize", "\(datasetBytes / 1024)"),
            ("hats_release_date", Self.formatReleaseDate),
            ("hats_version", Self.formatVersion),
        ]
        return "#HATS catalog\n" + entries.map { "\($0)=\(Self.escaped($1))\n" }.joined()
    }

    /// A value as a Java properties file reads it back: backslashes and line ends escaped,
    /// and a leading blank kept.
    static func escaped(_ value: String) -> String {
        var result = ""
        for (offset, character) in value.enumerated() {
            switch character {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case " " where offset == 0: result += "\\ "
            default: result.append(character)
            }
        }
        return result
    }

    /// `value` rounded to `decimals` places, as `%.Nf` prints it.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([Int32(decimals), value]) { vsnprintf(&buffer, buffer.count, "%.*f", $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `2026-03-14T09:26UTC`, the form hats writes.
    static func utcMinute(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min))UTC"
    }
}
