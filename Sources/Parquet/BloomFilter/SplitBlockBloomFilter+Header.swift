import ParquetEncoding
import ParquetFormat

extension SplitBlockBloomFilter {
    /// The BloomFilterHeader as written before the bitset.
    var encodedHeader: [UInt8] {
        BloomFilterHeader(numBytes: Int32(byteCount), algorithm: .splitBlock, hash: .xxHash, compression: .uncompressed)
            .encoded()
    }
}
