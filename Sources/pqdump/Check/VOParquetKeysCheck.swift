/// The footer keys of the IVOA VOParquet Note 1.0: a file that has either key must have
/// both, with version `1.0` and a non-empty VOTable document. (The document itself is
/// not parsed here.)
struct VOParquetKeysCheck {
    static let versionKey = "IVOA.VOTable-Parquet.version"
    static let contentKey = "IVOA.VOTable-Parquet.content"

    let context: DumpContext

    func run(into report: inout CheckReport) {
        let pairs = context.reader.metadata.keyValueMetadata ?? []
        let version = pairs.filter { $0.key == Self.versionKey }
        let content = pairs.filter { $0.key == Self.contentKey }
        guard !version.isEmpty || !content.isEmpty else { return }
        let place = "VOParquet metadata"
        for (key, entries) in [(Self.versionKey, version), (Self.contentKey, content)] {
            if entries.isEmpty {
                report.problem(place, "\(key) is missing while the other VOParquet key is present")
            } else if entries.count > 1 {
                report.problem(place, "\(key) appears \(entries.count) times")
            }
        }
        if let value = version.first?.value, value != "1.0" {
            report.problem(place, "\(Self.versionKey) is '\(value)', not 1.0")
        }
        if let entry = content.first, (entry.value ?? "").allSatisfy(\.isWhitespace) {
            report.problem(place, "\(Self.contentKey) holds no VOTable document")
        }
    }
}
