import ParquetCompression
import ParquetFormat

/// Scratch buffers and compressors shared by every column writer of one file.
///
/// Pages are encoded one at a time, so one set serves all columns: memory for
/// encoding does not grow with the column count (991 columns would otherwise each
/// keep a page-sized body buffer and, with ZSTD or GZIP, a native context).
final class PageWorkspace {
    /// The page body being encoded: levels, then values.
    @exclusivity(unchecked) var body: [UInt8] = []
    /// The compressed page body.
    @exclusivity(unchecked) var compressed: [UInt8] = []
    @exclusivity(unchecked) var header = CompactEncoder()
    @exclusivity(unchecked) var dictionaryIndices: [UInt32] = []
    private var compressors: [CompressionKind: PageCompressor] = [:]

    /// The compressor for `compression`, created on first use and shared afterwards.
    func compressor(for compression: Compression, column: String) throws(ParquetWriterError) -> PageCompressor {
        if let compressor = compressors[compression.kind] { return compressor }
        do {
            let compressor = try PageCompressor(compression.kind)
            compressors[compression.kind] = compressor
            return compressor
        } catch {
            throw .compressionFailed(column: column, message: "\(error)")
        }
    }
}
