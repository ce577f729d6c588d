import ParquetFormat

extension ParquetFileReader {
    /// The Bloom filter of column `column` (a leaf index) in row group `rowGroup`, or nil
    /// when the chunk has none.
    ///
    /// Reads the filter's header and bitset. A filter this library cannot probe (another
    /// algorithm, hash or compression than the split-block, xxHash and uncompressed that
    /// the format defines) is an error, as is a bitset whose size is not a multiple of
    /// its 32-byte blocks.
    public func bloomFilter(rowGroup: Int, column: Int) throws(ParquetReaderError) -> BloomFilter? {
        guard let found = try bloomFilterHeader(rowGroup: rowGroup, column: column) else { return nil }
        let structure = "row group \(rowGroup), column \(schema.leaves[column].dottedPath), bloom filter"
        let header = found.header
        guard header.algorithm == .splitBlock, header.hash == .xxHash, header.compression == .uncompressed else {
            throw ParquetReaderError(
                offset: found.offset, structure: structure,
                message: "unsupported filter (\(header.algorithm), \(header.hash), \(header.compression))")
        }
        let byteCount = Int(header.numBytes)
        guard byteCount > 0, byteCount % 32 == 0 else {
            throw ParquetReaderError(
                offset: found.offset, structure: structure,
                message: "a bitset of \(byteCount) bytes is not a whole number of 32-byte blocks")
        }
        // bloomFilterHeader checked that the bitset lies inside the data area.
        let bitset = try source.read(at: found.offset + found.headerSize, count: byteCount, structure: structure)
        return BloomFilter(bitset: bitset)
    }
}
