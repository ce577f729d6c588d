import VOParquet

/// The IVOA VOParquet Note 1.0 checks: a file that has either footer key must have
/// both, with version `1.0` and a well-formed VOTable document without DATA in its
/// first TABLE, whose FIELDs reconcile with the top-level columns.
struct VOParquetCheck {
    let context: DumpContext

    func run(into report: inout CheckReport) {
        guard let summary = VOParquetSummary(context.reader) else { return }
        let pairs = context.reader.metadata.keyValueMetadata ?? []
        let place = "VOParquet metadata"
        for key in [VOParquetSummary.versionKey, VOParquetSummary.contentKey] {
            let count = pairs.filter { $0.key == key }.count
            if count == 0 {
                report.problem(place, "\(key) is missing while the other VOParquet key is present")
            } else if count > 1 {
                report.problem(place, "\(key) appears \(count) times")
            }
        }
        if let version = summary.version, version != "1.0" {
            report.problem(place, "\(VOParquetSummary.versionKey) is '\(version)', not 1.0")
        }
        switch summary.envelope {
        case .failure(let error):
            report.problem(place, "\(VOParquetSummary.contentKey) is not a usable VOTable: \(error)")
        case .success(let envelope):
            if envelope.hadData { report.problem(place, "the embedded VOTable's first TABLE has a DATA element") }
            for mismatch in summary.mismatches { report.problem(place, mismatch) }
        case nil:
            break
        }
    }
}
