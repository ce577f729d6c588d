/// What `check` found: problems (which make it fail) and notes (which do not).
struct CheckReport {
    struct Finding {
        /// The structure concerned, such as `row group 0, column a, page 2`.
        let location: String
        let message: String
    }

    private(set) var problems: [Finding] = []
    private(set) var notes: [Finding] = []
    var pagesChecked = 0
    var chunksChecked = 0

    mutating func problem(_ location: String, _ message: String) {
        problems.append(Finding(location: location, message: message))
    }

    mutating func note(_ location: String, _ message: String) {
        notes.append(Finding(location: location, message: message))
    }

    var json: JSON {
        func list(_ findings: [Finding]) -> JSON {
            .array(findings.map { .object([("where", .string($0.location)), ("message", .string($0.message))]) })
        }
        return .object([
            ("ok", .bool(problems.isEmpty)),
            ("column_chunks_checked", .integer(chunksChecked)),
            ("pages_checked", .integer(pagesChecked)),
            ("problems", list(problems)),
            ("notes", list(notes)),
        ])
    }

    var lines: [String] {
        var lines = problems.map { "PROBLEM \($0.location): \($0.message)" }
        lines += notes.map { "note \($0.location): \($0.message)" }
        lines.append(
            problems.isEmpty
                ? "OK: \(chunksChecked) column chunks and \(pagesChecked) pages checked"
                : "FAILED: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(chunksChecked) column chunks and \(pagesChecked) pages"
        )
        return lines
    }
}
