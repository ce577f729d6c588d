import ParquetCompression
import ParquetReader

/// `pqdump check`: validation in the spirit of STILTS parqlint. Exits with status 1 when
/// anything is wrong; notes alone do not fail the check.
enum CheckCommand {
    static func run(_ context: DumpContext) throws(CommandFailure) {
        var report = CheckReport()
        FileCheck(context: context).run(into: &report)
        SchemaCheck(context: context).run(into: &report)
        VOParquetCheck(context: context).run(into: &report)
        let decompressor = PageDecompressor()
        for rowGroup in context.reader.metadata.rowGroups.indices {
            for leaf in context.schema.leaves.indices {
                ChunkCheck(context: context, rowGroup: rowGroup, leaf: leaf, decompressor: decompressor).run(
                    into: &report)
            }
        }
        context.emit(json: report.json) { report.lines }
        if !report.problems.isEmpty {
            throw CommandFailure.silent
        }
    }

    /// The report of a file whose footer cannot even be read.
    static func report(unreadable error: ParquetReaderError, json: Bool, output: Output) {
        var report = CheckReport()
        report.problem(error.structure, "\(error.message) (at byte \(error.offset.map(String.init) ?? "?"))")
        if json {
            output.line(report.json.text)
        } else {
            for line in report.lines {
                output.line(line)
            }
        }
    }
}
