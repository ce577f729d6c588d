import ParquetReader
@testable import pqdump

/// The whole-file reader as `pqdump` drives it: footer, schema, pages, decoders,
/// record assembly, statistics, page index, Bloom filters and value rendering, through
/// every command in text and JSON. Any input must give output or a typed error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFileReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let reader = try? ParquetFileReader(bytes: bytes) else { return 0 }
    for arguments in commandLines {
        let invocation = try! Invocation(arguments)
        let context = DumpContext(reader: reader, invocation: invocation, output: Output.memory())
        do throws(CommandFailure) {
            switch invocation.command {
            case .meta: MetaCommand.run(context)
            case .schema: SchemaCommand.run(context)
            case .rows: try RowsCommand.run(context)
            case .pages: try PagesCommand.run(context)
            case .index: try IndexCommand.run(context)
            case .check: try CheckCommand.run(context)
            case .votable: try VOTableCommand.run(context)
            }
        } catch {
            guard error.message.map({ !$0.isEmpty }) ?? true else { fatalError("an empty error message") }
        }
    }
    return 0
}

private let commandLines: [[String]] = [
    "meta", "schema", "rows", "pages", "index", "check", "votable",
].flatMap { [[$0, "fuzz.parquet"], [$0, "fuzz.parquet", "--json"]] }
