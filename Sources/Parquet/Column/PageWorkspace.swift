import ParquetCompression
import ParquetFormat

/// Scratch buffers and compressors of one encoding thread, shared by the columns it owns.
///
/// A thread encodes its pages one at a time, so one set serves all its columns: memory
/// for encoding grows with the thread count, not the column count (991 columns would
/// otherwise each keep a page-sized body buffer and, with ZSTD or GZIP, a native context).
final class PageWorkspace {
    /// The page body being encoded: levels, then values.
    @exclusivity(unchecked) var body: [UInt8] = []
    /// The compressed page body.
    @exclusivity(unchecked) var compressed: [UInt8] = []
    @exclusivity(unchecked) var header = CompactEncoder()
    @exclusivity(unchecked) var dictionaryIndices: [UInt32] = []
    private var compressors: [Compression: PageCompressor] = [:]

    /// Bytes the buffers hold, used or not.
    var heldByteCount: Int {
        body.capacity + compressed.capacity + dictionaryIndices.capacity * MemoryLayout<UInt32>.stride
            + header.bytes.capacity
    }

    /// Gives back the buffers and the compressors' contexts, once the file is complete.
    func releaseStorage() {
        body = []
        compressed = []
        header = CompactEncoder()
        dictionaryIndices = []
        compressors.removeAll()
    }

    /// The compressor for `compression`, created on first use and shared afterwards.
    func compressor(for compression: Compression, column: String) throws(ParquetWriterError) -> PageCompressor {
        if let compressor = compressors[compression] { return compressor }
        do {
            let compressor = try PageCompressor(compression.codec, level: compression.level)
            compressors[compression] = compressor
            return compressor
        } catch {
            throw .compressionFailed(column: column, message: "\(error)")
        }
    }
}
