import HATS
import VOParquet

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `voparquet hats`: writes the inputs as a HATS catalog under a temporary name beside the
/// destination, then renames it into place.
enum HatsCommand {
    /// Runs the command and returns the exit status.
    static func run(_ arguments: HatsArguments) -> Int32 {
        let output = arguments.output
        if FileSystemCheck.exists(output) {
            Diagnostics.error("-o '\(output)' already exists; give a new directory for the catalog", usage: true)
            return 2
        }
        let slash = output.lastIndex(of: "/")
        let parent = slash.map { String(output[...$0]) } ?? ""
        let name = slash.map { String(output[output.index(after: $0)...]) } ?? output
        let partial = "\(parent).\(name).\(getpid()).partial"
        HatsInterrupt.install()
        var builder: HATSCatalogBuilder?
        do {
            let catalog = try HATSCatalogBuilder(directory: partial, options: arguments.options) {
                () throws(HATSImportError) in
                if HatsInterrupt.pending != 0 { throw .interrupted }
            }
            builder = catalog
            let progress = ProgressLine()
            defer { progress.finish() }
            catalog.progress = { report in progress.update { _ in describe(report) } }
            for input in arguments.inputs {
                let source: any ByteSource =
                    input == "-" ? FileByteSource(standardInput: ()) : try FileByteSource(path: input)
                let label = input == "-" ? "<stdin>" : input
                try catalog.addInput(InterruptibleByteSource(source, name: label), name: label)
            }
            let summary = try catalog.finish()
            progress.finish()
            guard rename(partial, output) == 0 else {
                throw HATSImportError.io(
                    "cannot rename the catalog to '\(output)': \(String(cString: strerror(errno)))")
            }
            report(summary, output: output)
            return 0
        } catch {
            builder?.discard()
            if HatsInterrupt.pending != 0 { HatsInterrupt.endWithPendingSignal() }
            Diagnostics.error("\(error)")
            return 1
        }
    }

    /// The progress line's text: the stage and its rows.
    private static func describe(_ progress: HATSImportProgress) -> String {
        let total = progress.totalRows.map { " of \($0)" } ?? ""
        switch progress.stage {
        case .reading(let input): return "reading '\(input)': \(progress.rows) rows"
        case .sorting: return "sorting: \(progress.rows)\(total) rows"
        case .writing: return "writing partitions: \(progress.rows)\(total) rows"
        }
    }

    private static func report(_ summary: HATSImportSummary, output: String) {
        let orders = summary.partitions.map(\.pixel.order)
        var text =
            "voparquet: wrote \(summary.rows) rows in \(summary.partitions.count) partitions "
            + "(orders \(orders.min() ?? 0)-\(orders.max() ?? 0)) to '\(output)'\n"
        if summary.droppedRows > 0 {
            text += "voparquet: left out \(summary.droppedRows) rows with a null, non-finite or out-of-range position\n"
        }
        Diagnostics.write(text)
    }
}

/// Whether a path names anything, a dangling symlink included.
enum FileSystemCheck {
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }
}
