import Parquet
import ParquetFormat
import Testing

/// `finish()` writes the same file as `close()`, without returning the footer, and
/// row-group metadata moved to a temporary file comes back byte for byte.
@Suite struct FinishTests {
    @Test(arguments: [8 << 20, 0, 300])
    func finishWritesTheSameBytesAsClose(footerMemoryLimit: Int) throws {
        func write(closing: Bool, limit: Int = footerMemoryLimit) throws -> (bytes: [UInt8], metadata: FileMetaData?) {
            var options = WriterOptions()
            options.footerMemoryLimit = limit
            options.maxRowGroupRows = 7
            let sink = MemorySink()
            let writer = try ParquetWriter(
                schema: try Schema([Column("id", .int64, .required), Column("name", .string)]), sink: sink, options: options)
            try writer.setMetadata("key", "value")
            for row in 0..<30 {
                try writer.append(Int64(row))
                if row % 4 == 0 { try writer.appendNull() } else { try writer.append("name \(row)") }
                try writer.endRow()
            }
            if closing {
                let metadata = try writer.close()
                return (sink.bytes, metadata)
            }
            try writer.finish()
            #expect(throws: ParquetWriterError.writerClosed) { try writer.finish() }
            return (sink.bytes, nil)
        }
        let closed = try write(closing: true)
        let finished = try write(closing: false)
        #expect(closed.bytes == finished.bytes)
        let metadata = try FooterReader.metadata(of: finished.bytes)
        #expect(metadata == closed.metadata)
        #expect(metadata.rowGroups.count == 5 && metadata.numRows == 30)
        #expect(metadata.keyValueMetadata?.first?.value == "value")
        // Row groups that went through the temporary file come back byte for byte.
        #expect(try write(closing: false, limit: 8 << 20).bytes == finished.bytes)
    }
}
