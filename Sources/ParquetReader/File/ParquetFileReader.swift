import ParquetCompression
import ParquetFormat

/// A Parquet file opened for reading: its footer, schema tree, and access to each column
/// chunk, page index and Bloom filter header.
///
/// Opening reads only the footer; column chunks are read when asked for, one at a time.
/// The reader is immutable and can be shared between tasks.
public final class ParquetFileReader: Sendable {
    /// The decoded footer.
    public let metadata: FileMetaData
    /// The schema as a tree of groups and leaf columns.
    public let schema: SchemaTree
    /// Size of the file in bytes.
    public let fileSize: Int
    /// File offset of the serialized FileMetaData.
    public let footerOffset: Int
    /// Length of the serialized FileMetaData.
    public let footerLength: Int

    let source: RandomAccessByteSource

    /// Opens the file at `path` and reads its footer.
    public convenience init(path: String) throws(ParquetReaderError) {
        try self.init(source: try RandomAccessByteSource(path: path))
    }

    /// Reads a file held in memory.
    public convenience init(bytes: [UInt8]) throws(ParquetReaderError) {
        try self.init(source: RandomAccessByteSource(bytes: bytes))
    }

    private init(source: RandomAccessByteSource) throws(ParquetReaderError) {
        let footer = try Footer.read(from: source)
        self.source = source
        fileSize = source.size
        footerOffset = footer.offset
        footerLength = footer.length
        metadata = footer.metadata
        do {
            schema = try SchemaTree(footer.metadata.schema)
        } catch {
            throw ParquetReaderError(
                offset: footer.offset, structure: "footer (FileMetaData.schema)", message: error.description)
        }
        try validateRowGroups()
    }

    /// Every row group must have a chunk per leaf, with metadata of the leaf's type, so
    /// that later reads can index them without checks.
    private func validateRowGroups() throws(ParquetReaderError) {
        for (rowGroupIndex, rowGroup) in metadata.rowGroups.enumerated() {
            let structure = "footer (FileMetaData.row_groups[\(rowGroupIndex)])"
            guard rowGroup.columns.count == schema.leaves.count else {
                throw ParquetReaderError(
                    offset: footerOffset, structure: structure,
                    message: "\(rowGroup.columns.count) column chunks for \(schema.leaves.count) leaf columns")
            }
            guard rowGroup.numRows >= 0 else {
                throw ParquetReaderError(
                    offset: footerOffset, structure: structure, message: "negative num_rows \(rowGroup.numRows)")
            }
            for (columnIndex, chunk) in rowGroup.columns.enumerated() {
                let leaf = schema.leaves[columnIndex]
                guard let columnMetadata = chunk.metaData else {
                    throw ParquetReaderError(
                        offset: footerOffset, structure: structure + ".columns[\(columnIndex)]",
                        message: "column \(leaf.dottedPath) has no meta_data (encrypted columns are not supported)")
                }
                guard columnMetadata.type == leaf.physicalType else {
                    throw ParquetReaderError(
                        offset: footerOffset, structure: structure + ".columns[\(columnIndex)]",
                        message:
                            "chunk type \(columnMetadata.type) differs from the schema's \(leaf.physicalType) for \(leaf.dottedPath)"
                    )
                }
                guard columnMetadata.numValues >= 0 else {
                    throw ParquetReaderError(
                        offset: footerOffset, structure: structure + ".columns[\(columnIndex)]",
                        message: "negative num_values \(columnMetadata.numValues)")
                }
            }
        }
    }

    /// The column chunk's metadata (validated to exist when the file was opened).
    public func columnMetadata(rowGroup: Int, column: Int) -> ColumnMetaData {
        metadata.rowGroups[rowGroup].columns[column].metaData!
    }

    /// The file range of a column chunk's pages: from the dictionary page (if any) or
    /// first data page, `total_compressed_size` bytes long, inside the data area.
    public func columnChunkRange(rowGroup: Int, column: Int) throws(ParquetReaderError) -> Range<Int> {
        let chunk = metadata.rowGroups[rowGroup].columns[column]
        let columnMetadata = chunk.metaData!
        let structure = "row group \(rowGroup), column \(schema.leaves[column].dottedPath)"
        guard chunk.filePath == nil || chunk.filePath == "" else {
            throw ParquetReaderError(
                offset: nil, structure: structure, message: "the chunk lives in another file (\(chunk.filePath!))")
        }
        var start = columnMetadata.dataPageOffset
        // Some writers record 0 for an absent dictionary page; only an earlier offset counts.
        if let dictionaryOffset = columnMetadata.dictionaryPageOffset, dictionaryOffset > 0, dictionaryOffset < start {
            start = dictionaryOffset
        }
        let size = columnMetadata.totalCompressedSize
        let dataEnd = Int64(footerOffset)
        guard start >= Int64(Footer.magic.count), size >= 0, start <= dataEnd, size <= dataEnd - start else {
            throw ParquetReaderError(
                offset: Int(clamping: start), structure: structure,
                message:
                    "\(size) bytes at offset \(start) lie outside the data area \(Footer.magic.count)..<\(footerOffset)"
            )
        }
        return Int(start)..<Int(start + size)
    }

    /// A reader over one column chunk, whose bytes it reads now.
    ///
    /// `decompressor` may be shared by successive chunks read on one task, to reuse codec
    /// contexts.
    public func columnChunkReader(
        rowGroup: Int, column: Int, decompressor: PageDecompressor = PageDecompressor()
    ) throws(ParquetReaderError) -> ColumnChunkReader {
        let leaf = schema.leaves[column]
        let columnMetadata = columnMetadata(rowGroup: rowGroup, column: column)
        // A chunk without values has nothing to read; pyarrow records data_page_offset 0 for it.
        let range = columnMetadata.numValues == 0 ? 0..<0 : try columnChunkRange(rowGroup: rowGroup, column: column)
        if leaf.maxRepetitionLevel == 0, columnMetadata.numValues != metadata.rowGroups[rowGroup].numRows {
            throw ParquetReaderError(
                offset: footerOffset, structure: "footer (FileMetaData.row_groups[\(rowGroup)].columns[\(column)])",
                message: "column \(leaf.dottedPath) has \(columnMetadata.numValues) values in a row group of "
                    + "\(metadata.rowGroups[rowGroup].numRows) rows")
        }
        let bytes = try source.read(
            at: range.lowerBound, count: range.count, structure: "row group \(rowGroup), column \(leaf.dottedPath)")
        return ColumnChunkReader(
            column: leaf, rowGroupIndex: rowGroup, metadata: columnMetadata, fileOffset: range.lowerBound,
            bytes: bytes, decompressor: decompressor)
    }

    /// Reads and decodes a whole column chunk.
    public func readColumnChunk(
        rowGroup: Int, column: Int, decompressor: PageDecompressor = PageDecompressor()
    ) throws(ParquetReaderError) -> ColumnChunkData {
        try columnChunkReader(rowGroup: rowGroup, column: column, decompressor: decompressor).readAll()
    }

    /// Reads the records of one row group for the top-level fields `fields` (node indexes;
    /// all fields by default), decoding only the columns under them.
    public func readRecords(rowGroup: Int, fields: [Int]? = nil) throws(ParquetReaderError) -> [[RecordValue]] {
        let fields = fields ?? schema.root.children
        var chunks: [Int: ColumnChunkData] = [:]
        let decompressor = PageDecompressor()
        for field in fields {
            for leaf in schema.nodes[field].leaves {
                chunks[leaf] = try readColumnChunk(rowGroup: rowGroup, column: leaf, decompressor: decompressor)
            }
        }
        var assembler = try RecordAssembler(schema: schema, fields: fields, chunks: chunks, rowGroupIndex: rowGroup)
        let expected = Int(metadata.rowGroups[rowGroup].numRows)
        var records: [[RecordValue]] = []
        records.reserveCapacity(min(expected, 1 << 16))
        while let record = try assembler.next() {
            records.append(record)
        }
        guard records.count == expected || fields.isEmpty else {
            throw ParquetReaderError(
                offset: nil, structure: "row group \(rowGroup)",
                message: "the columns hold \(records.count) records but num_rows is \(expected)")
        }
        return records
    }

    // MARK: - Page index and Bloom filter

    /// The chunk's ColumnIndex, or nil when it has none.
    public func columnIndex(rowGroup: Int, column: Int) throws(ParquetReaderError) -> ColumnIndex? {
        let chunk = metadata.rowGroups[rowGroup].columns[column]
        guard let offset = chunk.columnIndexOffset, let length = chunk.columnIndexLength else { return nil }
        return try readStructure(
            ColumnIndex.self, offset: offset, length: Int64(length),
            structure: "row group \(rowGroup), column \(schema.leaves[column].dottedPath), column index")
    }

    /// The chunk's OffsetIndex, or nil when it has none.
    public func offsetIndex(rowGroup: Int, column: Int) throws(ParquetReaderError) -> OffsetIndex? {
        let chunk = metadata.rowGroups[rowGroup].columns[column]
        guard let offset = chunk.offsetIndexOffset, let length = chunk.offsetIndexLength else { return nil }
        return try readStructure(
            OffsetIndex.self, offset: offset, length: Int64(length),
            structure: "row group \(rowGroup), column \(schema.leaves[column].dottedPath), offset index")
    }

    /// The chunk's Bloom filter header, its size, and the size of the bitset after it,
    /// or nil when the chunk has no Bloom filter.
    public func bloomFilterHeader(
        rowGroup: Int, column: Int
    ) throws(ParquetReaderError) -> (header: BloomFilterHeader, headerSize: Int, offset: Int)? {
        let columnMetadata = columnMetadata(rowGroup: rowGroup, column: column)
        guard let offset = columnMetadata.bloomFilterOffset else { return nil }
        let structure = "row group \(rowGroup), column \(schema.leaves[column].dottedPath), bloom filter header"
        guard offset >= 0, offset < Int64(footerOffset) else {
            throw ParquetReaderError(
                offset: Int(clamping: offset), structure: structure, message: "offset lies outside the data area")
        }
        // The header is a few dozen bytes; read a bounded prefix when no length is recorded.
        let available = Int64(footerOffset) - offset
        let length = columnMetadata.bloomFilterLength.map { Int64($0) } ?? min(available, 256)
        guard length >= 0, length <= available else {
            throw ParquetReaderError(
                offset: Int(offset), structure: structure, message: "length \(length) overruns the data area")
        }
        let bytes = try source.read(at: Int(offset), count: Int(length), structure: structure)
        let header: BloomFilterHeader
        let headerSize: Int
        do {
            (header, headerSize) = try BloomFilterHeader.decode(bytes, at: 0)
        } catch {
            throw ParquetReaderError(error, base: Int(offset), structure: structure)
        }
        guard header.numBytes >= 0, Int64(headerSize) + Int64(header.numBytes) <= available else {
            throw ParquetReaderError(
                offset: Int(offset), structure: structure,
                message: "a bitset of \(header.numBytes) bytes overruns the data area")
        }
        return (header, headerSize, Int(offset))
    }

    private func readStructure<Value: ThriftCodable>(
        _ type: Value.Type, offset: Int64, length: Int64, structure: String
    ) throws(ParquetReaderError) -> Value {
        guard offset >= 0, length >= 0, offset <= Int64(fileSize), length <= Int64(fileSize) - offset else {
            throw ParquetReaderError(
                offset: Int(clamping: offset), structure: structure, message: "\(length) bytes lie outside the file")
        }
        let bytes = try source.read(at: Int(offset), count: Int(length), structure: structure)
        do {
            return try Value.decode(bytes)
        } catch {
            throw ParquetReaderError(error, base: Int(offset), structure: structure)
        }
    }
}
