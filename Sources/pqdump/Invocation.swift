/// A parsed command line: which command, on which file, with which options. The
/// argument parser (PQDumpCommand) builds it; the commands read it.
struct Invocation: Equatable {
    enum Command: String, CaseIterable {
        case meta, summary, schema, pages, index, rows, check, votable, dictionary, bloom, footer
    }

    var command = Command.meta
    var path = ""
    var json = false
    /// `rows --csv`: comma-separated values with a header line.
    var csv = false
    /// `pages`, `dictionary`, `bloom --column PATH`: the dotted path of one leaf column.
    var column: String?
    /// `rows --head N`.
    var head: Int?
    /// `rows --offset N`: rows to skip first.
    var offset = 0
    /// `rows --columns a,b`: top-level column names.
    var columns: [String]?
    /// `bloom VALUE…`: the values to probe for.
    var values: [String] = []
}
