import Parquet
import ParquetReader
import TestSupport
import Testing

/// Corrupt or truncated files give a ParquetReaderError with a byte offset and the
/// structure being read, never a crash.
@Suite struct CorruptFileTests {
    static let pageIndexFile = TestFiles.fixture("pyarrow/footer_roundtrip_pageindex.parquet")

    @Test func truncationAtEveryFooterByteThrows() throws {
        let bytes = try TestFiles.bytes(Self.pageIndexFile)
        let footerStart = try ParquetFileReader(bytes: bytes).footerOffset
        for length in footerStart..<bytes.count {
            #expect(throws: ParquetReaderError.self, "cut at \(length)") {
                _ = try ParquetFileReader(bytes: Array(bytes.prefix(length)))
            }
        }
        // Too short to be Parquet at all.
        for length in 0..<12 {
            #expect(throws: ParquetReaderError.self) { _ = try ParquetFileReader(bytes: Array(bytes.prefix(length))) }
        }
    }

    /// The footer cut at every byte but with a well-formed trailer claiming the shorter
    /// length, so that the Thrift decoder itself meets the truncation.
    @Test func truncatedFooterBehindValidTrailerThrowsWithOffset() throws {
        let bytes = try TestFiles.bytes(Self.pageIndexFile)
        let reader = try ParquetFileReader(bytes: bytes)
        let data = bytes[..<reader.footerOffset]
        let footer = bytes[reader.footerOffset..<(reader.footerOffset + reader.footerLength)]
        for length in 0..<footer.count {
            let file =
                Array(data) + Array(footer.prefix(length)) + Self.littleEndian(UInt32(length)) + Array("PAR1".utf8)
            do {
                _ = try ParquetFileReader(bytes: file)
                Issue.record("a footer cut to \(length) bytes was accepted")
            } catch {
                let offset = try #require(error.offset)
                #expect((reader.footerOffset...(reader.footerOffset + length)).contains(offset), "\(error)")
                #expect(error.structure.contains("footer"))
            }
        }
    }

    /// Few iterations on the 3,000-row file (each reads it all), many on the small one.
    @Test(arguments: [("pyarrow/footer_roundtrip_pageindex.parquet", 40), ("pyarrow/schema_types.parquet", 300)])
    func randomByteFlipsNeverCrash(fixture: String, iterations: Int) throws {
        try Self.flipBytes(try TestFiles.bytes(TestFiles.fixture(fixture)), seed: 11, iterations: iterations)
    }

    @Test func randomByteFlipsInAnUncompressedWriterFileNeverCrash() throws {
        // Uncompressed pages expose the level and value decoders to corruption directly.
        var options = WriterOptions()
        options.compression = .uncompressed
        options.dataPageRowLimit = 40
        options.maxRowGroupRows = 100
        let (bytes, _) = try WriterRoundTripTests.write(WriterColumn.everyType(.optional), options: options, rows: 200)
        { row, column in
            (row + column) % 6 == 0
        }
        try Self.flipBytes(bytes, seed: 23, iterations: 300)
    }

    @Test func errorsNameTheOffsetAndStructure() throws {
        var bytes = try TestFiles.bytes(Self.pageIndexFile)
        bytes[bytes.count - 1] = UInt8(ascii: "X")
        Self.expectError(bytes, offset: bytes.count - 4, structureContains: "trailing magic")

        bytes = try TestFiles.bytes(Self.pageIndexFile)
        bytes.replaceSubrange((bytes.count - 8)..<(bytes.count - 4), with: Self.littleEndian(UInt32(bytes.count)))
        Self.expectError(bytes, offset: bytes.count - 8, structureContains: "footer length")

        bytes = try TestFiles.bytes(Self.pageIndexFile)
        bytes[0] = 0
        Self.expectError(bytes, offset: 0, structureContains: "leading magic")
    }

    /// A page header that is not Thrift names the page and the byte where decoding failed.
    @Test func corruptPageHeaderNamesThePage() throws {
        var bytes = try TestFiles.bytes(Self.pageIndexFile)
        let reader = try ParquetFileReader(bytes: bytes)
        let start = try reader.columnChunkRange(rowGroup: 1, column: 2).lowerBound
        // 0x0F: field delta 0 with the invalid type code 15.
        bytes[start] = 0x0F
        let corrupt = try ParquetFileReader(bytes: bytes)
        do {
            _ = try corrupt.readColumnChunk(rowGroup: 1, column: 2)
            Issue.record("the corrupt page header was accepted")
        } catch {
            #expect(error.offset == start)
            #expect(error.structure == "row group 1, column value, page 0 header")
        }
    }

    private static func flipBytes(_ original: [UInt8], seed: UInt64, iterations: Int) throws {
        var generator = SeededGenerator(state: seed)
        var detected = 0
        for _ in 0..<iterations {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] ^= UInt8.random(
                    in: 1...255, using: &generator)
            }
            do {
                try TestFiles.readEverything(try ParquetFileReader(bytes: bytes))
            } catch {
                #expect(!error.structure.isEmpty && !error.message.isEmpty)
                detected += 1
            }
        }
        #expect(detected > 0, "some corruption must be detected")
    }

    private static func expectError(_ bytes: [UInt8], offset: Int, structureContains structure: String) {
        do {
            _ = try ParquetFileReader(bytes: bytes)
            Issue.record("corrupt file accepted; expected an error in \(structure)")
        } catch {
            #expect(error.offset == offset, "\(error)")
            #expect(error.structure.contains(structure), "\(error)")
        }
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }
}
