import ParquetEncoding
import ParquetFormat
import Testing

@testable import Parquet

@Suite("Bloom filter header")
struct BloomFilterHeaderTests {
    @Test func headerDescribesTheBitset() throws {
        let filter = SplitBlockBloomFilter(byteCount: 1_024)
        let header = try BloomFilterHeader.decode(filter.encodedHeader)
        #expect(
            header
                == BloomFilterHeader(
                    numBytes: 1_024, algorithm: .splitBlock, hash: .xxHash, compression: .uncompressed))
    }
}
