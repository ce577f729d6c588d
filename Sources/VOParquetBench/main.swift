// voparquet-bench: DP0.2 Object rows with realistic values (ObjectValues, made
// identically by Scripts/object_values.py) written row by row through
// VOParquetWriter. Scripts/bench_engine.py runs it; Scripts/README.md documents it.
import Parquet

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// As `voparquet` does: the runs stand in for conversions too large to keep as VOTable.
MallocArenaLimit.useOneHeap()
do {
    let arguments = try BenchArguments(CommandLine.arguments)
    let envelope = try TAPEnvelopeFile(path: arguments.objectJSON)
    let values = try ObjectValues(columnTypes: envelope.columnTypes)
    switch arguments.command {
    case .write: try WriteCommand(arguments: arguments, envelope: envelope, values: values).run()
    case .dump: try DumpCommand(arguments: arguments, values: values).run()
    }
} catch {
    let line = Array("voparquet-bench: \(error)\n".utf8)
    _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    exit(1)
}
