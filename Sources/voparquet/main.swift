import ArgumentParser
import Parquet

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// voparquet: converts VOTable documents to VOParquet files. Exit status: 0 on success
// (help, --version and completion scripts included), 1 when the conversion fails, 2 for a
// bad command line.
MallocArenaLimit.useOneHeap()
do {
    var command = try VOParquetCommand.parseAsRoot(Array(CommandLine.arguments.dropFirst()))
    try command.run()
    exit(0)
} catch let error as UsageError {
    Diagnostics.error(error.message, usage: true)
    exit(2)
} catch let status as ExitCode {
    exit(status.rawValue)
} catch {
    if VOParquetCommand.exitCode(for: error) == .success {
        print(VOParquetCommand.fullMessage(for: error))
        exit(0)
    }
    Diagnostics.error(VOParquetCommand.message(for: error), usage: true)
    exit(2)
}
