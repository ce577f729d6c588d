import Parquet
import VOParquet

/// `voparquet-bench write`: files written one after another in this process, each
/// reported on its own JSON line with its time and the process's memory around it.
struct WriteCommand {
    let arguments: BenchArguments
    let envelope: TAPEnvelopeFile
    let values: ObjectValues

    func run() throws {
        let options = arguments.voParquetOptions()
        for index in 1...arguments.files {
            let residentBefore = ProcessMemory.residentBytes()
            let start = ContinuousClock.now
            let (bytes, checksum) =
                if arguments.generateOnly {
                    try generate()
                } else {
                    try write(
                        to: BenchArguments.path(arguments.output!, index: index, of: arguments.files), options: options)
                }
            let elapsed = start.duration(to: .now)
            // Measured once the writer is gone: what a service keeps between files.
            let residentAfter = ProcessMemory.residentBytes()
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            print(
                """
                {"mode": "\(arguments.generateOnly ? "generate" : "write")", "file": \(index), \
                "files": \(arguments.files), "rows": \(arguments.rows), "seconds": \(seconds), "bytes": \(bytes), \
                "rss_before": \(residentBefore), "rss_after": \(residentAfter), \
                "peak_rss": \(ProcessMemory.peakResidentBytes()), "checksum": "\(hex(checksum))"}
                """)
        }
    }

    private func generate() throws -> (bytes: Int, checksum: UInt64) {
        var consumer = DiscardingConsumer()
        return (0, try values.produce(rows: 0..<arguments.rows, into: &consumer))
    }

    private func write(to path: String, options: VOParquetOptions) throws -> (bytes: Int, checksum: UInt64) {
        let writer = try VOParquetWriter(envelope: envelope.envelope, sink: try FileSink(path: path), options: options)
        var consumer = WriterConsumer(writer: writer)
        let checksum = try values.produce(rows: 0..<arguments.rows, into: &consumer)
        try writer.finish()
        return (writer.bytesWritten, checksum)
    }
}

/// A checksum as JSON can carry it exactly: 16 hexadecimal digits.
func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}
