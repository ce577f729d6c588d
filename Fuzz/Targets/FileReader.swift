import ParquetReader

@testable import pqdump

/// The whole-file reader as `pqdump` drives it: footer, schema, pages, decoders,
/// record assembly, statistics, page index, Bloom filters and value rendering, through
/// every command in text and JSON. Any input must give output or a typed error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFileReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let reader = try? ParquetFileReader(bytes: bytes) else { return 0 }
    let firstLeaf = reader.schema.leaves.first?.dottedPath
    for command in Invocation.Command.allCases {
        for json in [false, true] {
            let invocation = Invocation(command: command, json: json, column: firstLeaf, values: ["1", "a"])
            let context = DumpContext(reader: reader, invocation: invocation, output: Output.memory())
            do throws(CommandFailure) {
                try context.runCommand()
            } catch {
                guard error.message.map({ !$0.isEmpty }) ?? true else { fatalError("an empty error message") }
            }
        }
    }
    return 0
}
