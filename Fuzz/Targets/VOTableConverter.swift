import Parquet
import ParquetReader
import VOParquet

/// The VOTable-to-VOParquet converter from bytes in (plain or gzip) to bytes out. Any
/// input gives a typed error or a file, and every file it writes must read back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVOTableConverter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let file = convert(bytes) else { return 0 }
    do {
        let reader = try ParquetFileReader(bytes: file)
        for rowGroup in reader.metadata.rowGroups.indices { _ = try reader.readRecords(rowGroup: rowGroup) }
    } catch {
        fatalError("the converter wrote a file our reader rejects: \(error)")
    }
    return 0
}

private func convert(_ bytes: [UInt8]) -> [UInt8]? {
    var options = VOParquetOptions()
    options.writer.rowGroupTargetBytes = 4096
    let converter = VOTableConverter(source: GzipDetectingSource(MemoryByteSource(bytes)))
    do {
        let envelope = try converter.readEnvelope()
        let writer = try VOParquetWriter(envelope: envelope, sink: MemorySink(), options: options)
        try converter.convert(into: writer)
        return writer.sink.bytes
    } catch {
        return nil
    }
}
