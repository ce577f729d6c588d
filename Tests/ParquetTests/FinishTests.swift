import InteropSupport
import Parquet
import ParquetFormat
import Testing

/// `finish()` writes the same file as `close()`, without returning the footer, and
/// row-group metadata moved to a temporary file comes back byte for byte. The file
/// whose footer went entirely through the temporary file is saved for the readers.
@Suite struct FinishTests {
    static let columns = [Column("id", .int64, .required), Column("name", .string)]

    static func name(_ row: Int) -> String? { row % 4 == 0 ? nil : "name \(row)" }

    @Test(arguments: [8 << 20, 0, 300])
    func finishWritesTheSameBytesAsClose(footerMemoryLimit: Int) throws {
        func write(closing: Bool, limit: Int = footerMemoryLimit) throws -> (bytes: [UInt8], metadata: FileMetaData?) {
            var options = WriterOptions()
            options.footerMemoryLimit = limit
            options.maxRowGroupRows = 7
            let sink = MemorySink()
            let writer = try ParquetWriter(
                schema: try Schema(Self.columns), sink: sink, options: options)
            try writer.setMetadata("key", "value")
            for row in 0..<30 {
                try writer.append(Int64(row))
                if let name = Self.name(row) { try writer.append(name) } else { try writer.appendNull() }
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
        if footerMemoryLimit == 0 {
            let expected = ExpectedFile(
                columns: [
                    (Self.columns[0], (0..<30).map { .integer(Int128($0)) }),
                    (Self.columns[1], (0..<30).map { Self.name($0).map(ExpectedValue.text) ?? .null }),
                ],
                rowGroups: 5)
            try InteropOutput.save("footer_spilled", bytes: finished.bytes, expected: expected)
        }
    }
}
