import ParquetCompression
import ParquetEncoding
import ParquetFormat

extension ParquetFileReader {
    /// The entries of the dictionary page of column `column` (a leaf index) in row group
    /// `rowGroup`, in dictionary order, or nil when the chunk does not start with one.
    ///
    /// The page is read and checked as ``ColumnChunkReader/nextPage()`` reads it (header,
    /// CRC, decompression, PLAIN entries).
    public func dictionary(
        rowGroup: Int, column: Int, decompressor: PageDecompressor = PageDecompressor()
    ) throws(ParquetReaderError) -> ColumnValues? {
        let chunkReader = try columnChunkReader(rowGroup: rowGroup, column: column, decompressor: decompressor)
        guard let page = try chunkReader.nextPage(), let count = page.dictionarySize else { return nil }
        // The chunk reader keeps its dictionary to itself; decode the checked body once more.
        let structure =
            "row group \(rowGroup), column \(schema.leaves[column].dottedPath), page 0 (\(page.header.type))"
        let bodyOffset = page.offset + page.headerSize
        var body = try source.read(at: bodyOffset, count: Int(page.header.compressedPageSize), structure: structure)
        let codec = chunkReader.metadata.codec
        if codec != .uncompressed {
            var decompressed: [UInt8] = []
            let result = body.withUnsafeBytes { input in
                Result { () throws(CompressionError) in
                    try decompressor.decompress(
                        input, codec: codec, uncompressedSize: Int(page.header.uncompressedPageSize),
                        appendingTo: &decompressed)
                }
            }
            if case .failure(let error) = result {
                throw ParquetReaderError(offset: bodyOffset, structure: structure, message: error.description)
            }
            body = decompressed
        }
        let decoder = schema.leaves[column].makeValueDecoder()
        let decoded = body.withUnsafeBytes { input in
            Result { () throws(DecodingFailure) in try decoder.append(input, encoding: .plain, count: count) }
        }
        if case .failure(let error) = decoded {
            throw ParquetReaderError(offset: bodyOffset, structure: structure, message: error.message)
        }
        return decoder.takeValues()
    }
}
