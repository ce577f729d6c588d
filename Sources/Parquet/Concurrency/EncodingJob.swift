/// One unit of work for an encoding thread: a column's closed page, or its last page
/// and the end of its chunk.
protocol EncodingJob: AnyObject {
    /// Bytes of the page's values and levels before encoding, as the row-group size
    /// estimate counts them until the page is encoded.
    var rawByteCount: Int { get }
    /// Bytes the page's buffers take while it waits.
    var memoryByteCount: Int { get }
    /// Encodes the page with `workspace`'s buffers and compressor, and says how much the
    /// column's encoded chunk grew.
    func run(in workspace: PageWorkspace) throws(ParquetWriterError) -> EncodedGrowth
    /// Frees the page's buffers when the job owns them, whether it ran or not.
    func release()
}

/// What encoding a page added to its column chunk.
struct EncodedGrowth {
    /// Bytes of encoded pages (dictionary page included), in memory or spilled.
    var total = 0
    /// Bytes of encoded data pages held in memory.
    var inMemory = 0
}

/// The encoded pages a column holds in memory, which its encoding thread moves to the
/// thread's spill file when they pass its share.
protocol SpillableChunk: AnyObject {
    func spillEncodedPages(to file: SpillFile) throws(ParquetWriterError)
}

extension ColumnChunkEncoder: SpillableChunk {}

/// A closed page of one column, with the encoder it goes to.
final class PageEncodingJob<Values: PageValues>: EncodingJob {
    private let encoder: ColumnChunkEncoder<Values>
    private let page: ClosedPage<Values>
    /// Whether the job frees the page's buffers: it does when they were taken from the
    /// column, not when it encodes the column's open page in place.
    private let ownsPage: Bool
    /// Whether this is the chunk's last page, after which the chunk is finished.
    private let closesChunk: Bool

    init(encoder: ColumnChunkEncoder<Values>, page: ClosedPage<Values>, ownsPage: Bool, closesChunk: Bool) {
        self.encoder = encoder
        self.page = page
        self.ownsPage = ownsPage
        self.closesChunk = closesChunk
    }

    var rawByteCount: Int { page.bufferedByteCount }
    var memoryByteCount: Int { page.memoryByteCount }

    func run(in workspace: PageWorkspace) throws(ParquetWriterError) -> EncodedGrowth {
        let before = (total: encoder.chunk.bufferedByteCount, inMemory: encoder.chunk.inMemoryByteCount)
        if closesChunk {
            try encoder.finishChunk(lastPage: page, in: workspace)
        } else {
            try encoder.encode(page, in: workspace)
        }
        return EncodedGrowth(
            total: encoder.chunk.bufferedByteCount - before.total,
            inMemory: encoder.chunk.inMemoryByteCount - before.inMemory)
    }

    func release() {
        if ownsPage { page.deallocate() }
    }
}
