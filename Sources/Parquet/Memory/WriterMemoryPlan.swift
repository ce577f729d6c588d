/// How `WriterOptions.memoryLimit` is shared out among what a writer holds.
///
/// The writer holds four kinds of memory, and the plan caps each one so their sum
/// stays within the limit for any column count:
///
/// - a fixed part: the page workspace (one page body, its compressed copy and its
///   dictionary indices), the codec's context, the spill file's I/O buffer, the
///   footer metadata kept in memory, the rows staged before they go to the columns
///   (`stageByteTarget`, twice: the stage and the block a `StageFlusher` moves), and a
///   little bookkeeping per column;
/// - each column's open page (raw values and levels): a page closes once it holds
///   `pageMemoryLimit` bytes, whatever `dataPageSizeLimit` says;
/// - each dictionary: past `dictionaryMemoryLimit` it is written out and the chunk
///   goes on in the fallback encoding;
/// - the open row group's encoded pages: past `encodedPagesMemoryLimit` they move to
///   an anonymous temporary file (`SpillFile`) until the row group is written.
///
/// The open pages get half of what the fixed part leaves, dictionaries a fifth, and
/// the encoded pages the rest, never less than `encodedPagesFloorPerColumn` per
/// column. A limit too small to give every column `pageMemoryFloor` is refused when
/// the writer is created, naming the smallest limit that works.
public struct WriterMemoryPlan: Hashable, Sendable {
    /// The budget being shared out.
    public let limit: Int
    /// The most bytes one column's open page holds (values and levels, as counted by
    /// `ColumnWriter.bufferedMemoryByteCount`).
    public let pageMemoryLimit: Int
    /// The most bytes one column's dictionary holds (hash table and entries).
    public let dictionaryMemoryLimit: Int
    /// The most bytes of encoded pages the open row group keeps in memory.
    public let encodedPagesMemoryLimit: Int
    /// What each of the footer's three stores (row groups, column indexes, offset
    /// indexes) keeps in memory before moving to a temporary file.
    public let footerStoreMemoryLimit: Int
    /// The spill file's write and read buffer.
    public let spillBufferSize: Int
    /// One page workspace, for pages and dictionaries as large as the plan allows.
    let workspaceByteCount: Int
    /// The largest codec context of the columns' compressions.
    let codecReserve: Int
    /// The encoded pages' floor: `encodedPagesFloorPerColumn` for every column.
    let minimumEncodedPages: Int
    /// Rows the writer stages before they go to the column writers (`RowStage`): as
    /// many as fit in `stageByteTarget`, a multiple of 8 from 8 to 1,024.
    let stagedRowCapacity: Int

    /// What the staged rows of flat columns take: small enough to stay in a core's cache.
    public static let stageByteTarget = 256 << 10
    /// Bytes of byte array cells the staged rows hold before they go to the columns early.
    public static let stagedByteArrayTarget = 64 << 10

    /// The smallest open page a column gets: about a thousand DOUBLE values.
    public static let pageMemoryFloor = 8 << 10
    /// The smallest dictionary a column that uses one gets.
    public static let dictionaryMemoryFloor = 4 << 10
    /// Encoded pages kept in memory per column at the least, so that each spill
    /// writes pieces large enough to be read back efficiently.
    public static let encodedPagesFloorPerColumn = 4 << 10
    /// The column writer's own state, statistics and initial buffers.
    public static let perColumnOverhead = 2 << 10
    /// What the writer keeps whatever the columns: objects, encoders, buffers of a few KiB.
    public static let baseOverhead = 256 << 10

    /// Shares out `options.memoryLimit` for `schema`, or throws
    /// `memoryLimitTooSmall` naming the smallest limit that works.
    public init(options: WriterOptions, schema: Schema) throws(ParquetWriterError) {
        let columnCount = max(1, schema.descriptors.count)
        var dictionaryColumns = 0
        var codecReserve = 0
        for descriptor in schema.descriptors {
            if (try? options.valueEncodings(for: descriptor).usesDictionary) == true { dictionaryColumns += 1 }
        }
        for compression in options.allCompressions().map(\.1) {
            codecReserve = max(codecReserve, Self.codecReserve(compression))
        }
        let limit = options.memoryLimit
        let stagedKinds = RowStage.stagedKinds(schema)
        let stagedRowBytes = max(1, RowStage.byteCount(kinds: stagedKinds, capacity: 64) / 64)
        let stagedRowCapacity = min(1_024, max(8, Self.stageByteTarget / stagedRowBytes / 8 * 8))
        // The byte array cells' buffers grow by doubling from 1 KiB, past their target by one row.
        let stagedByteArrayColumns = stagedKinds.count { $0 == .byteArray }
        // Two stages: the one being filled and the block a `StageFlusher` is moving. Counted
        // whatever the thread count, so that the pages' share, and the bytes, are the same.
        let stageBytes =
            2
            * (RowStage.byteCount(kinds: stagedKinds, capacity: stagedRowCapacity)
                + (stagedByteArrayColumns > 0 ? 2 * Self.stagedByteArrayTarget + stagedByteArrayColumns << 10 : 0))
        // The footer stores and the spill buffer grow with the limit, up to a point.
        // They only gather bytes on their way to a temporary file, so a small buffer does.
        func footerStore(_ limit: Int) -> Int { min(options.footerMemoryLimit, max(16 << 10, limit / 512)) }
        func spillBuffer(_ limit: Int) -> Int { min(1 << 20, max(64 << 10, limit / 32)) }
        // Each footer store's buffer may reach twice its limit before it moves to disk.
        func fixedWithoutWorkspace(_ limit: Int) -> Int {
            Self.baseOverhead + codecReserve + spillBuffer(limit) + 3 * 2 * footerStore(limit) + stageBytes
                + columnCount * Self.perColumnOverhead
        }
        let minimumPages = columnCount * Self.pageMemoryFloor
        let minimumDictionaries = dictionaryColumns * Self.dictionaryMemoryFloor
        let minimumEncoded = columnCount * Self.encodedPagesFloorPerColumn
        let floors =
            Self.workspaceBytes(page: Self.pageMemoryFloor, dictionary: 0, options: options)
            + minimumPages + minimumDictionaries + minimumEncoded
        // The smallest limit that covers its own fixed part: the fixed part grows by an
        // eighth of the limit at most, so a few steps reach it.
        var minimum = floors + fixedWithoutWorkspace(0)
        while floors + fixedWithoutWorkspace(minimum) > minimum { minimum = floors + fixedWithoutWorkspace(minimum) }
        let fixedWithoutWorkspace = fixedWithoutWorkspace(limit)
        guard limit >= minimum else {
            throw .memoryLimitTooSmall(limit: limit, minimum: minimum, columnCount: schema.descriptors.count)
        }
        // Pages larger than the options allow would leave their share unused. The
        // workspace holds the largest page being encoded (6 pages' worth, with its
        // compressed copy and dictionary indices), so it comes out of the pages' half.
        let pageCeiling = 2 * options.dataPageSizeLimit + 2 * options.dataPageRowLimit
        var available = limit - fixedWithoutWorkspace
        let page = min(pageCeiling, max(Self.pageMemoryFloor, (available / 2 - (64 << 10)) / (columnCount + 6)))
        available -= page * columnCount
        var dictionary = 0
        if dictionaryColumns > 0 {
            // A hash table takes up to about eight times its entries' PLAIN size, so a
            // dictionary reaches `dictionaryPageSizeLimit` before a ceiling of eight times it.
            let ceiling = 8 * options.dictionaryPageSizeLimit + (64 << 10)
            let share = min(ceiling, (limit - fixedWithoutWorkspace) / 5 / dictionaryColumns)
            // Never at the cost of the encoded pages' floor, which the minimum includes; a
            // dictionary page larger than a data page also widens the workspace.
            let room =
                (available - minimumEncoded - Self.workspaceBytes(page: page, dictionary: 0, options: options))
                / (dictionaryColumns + 4)
            dictionary = max(Self.dictionaryMemoryFloor, min(share, room))
        }
        available -=
            dictionary * dictionaryColumns + Self.workspaceBytes(page: page, dictionary: dictionary, options: options)
        self.limit = limit
        pageMemoryLimit = page
        dictionaryMemoryLimit = dictionary
        encodedPagesMemoryLimit = max(minimumEncoded, available)
        footerStoreMemoryLimit = footerStore(limit)
        spillBufferSize = spillBuffer(limit)
        workspaceByteCount = Self.workspaceBytes(page: page, dictionary: dictionary, options: options)
        self.codecReserve = codecReserve
        minimumEncodedPages = minimumEncoded
        self.stagedRowCapacity = stagedRowCapacity
    }

    /// The encoded pages' share split among as many encoding threads as the plan
    /// affords, up to `requested`: one thread (encoding on the appending thread)
    /// always fits.
    func encodingShares(atMost requested: Int) -> EncodingShares {
        var threadCount = max(1, requested)
        while true {
            if let shares = encodingShares(threadCount: threadCount) { return shares }
            threadCount -= 1
        }
    }

    /// How the encoded pages' share is split among `threadCount` encoding threads, or
    /// nil when it cannot give each thread its workspace, codec context and spill
    /// buffer and still keep the encoded pages' floor. The other shares, which decide
    /// where pages close and what dictionaries hold, do not depend on the threads.
    func encodingShares(threadCount: Int) -> EncodingShares? {
        guard threadCount > 1 else {
            return EncodingShares(
                threadCount: 1, encodedPagesPerThread: encodedPagesMemoryLimit, queuedPageBytesPerThread: 0)
        }
        // The fixed part already holds one workspace, codec context and spill buffer.
        let perThread = workspaceByteCount + codecReserve + spillBufferSize
        let remaining = encodedPagesMemoryLimit - (threadCount - 1) * perThread
        // A quarter for closed pages waiting for their thread, the rest for encoded pages.
        let queued = remaining / 4
        guard remaining - queued >= minimumEncodedPages else { return nil }
        return EncodingShares(
            threadCount: threadCount, encodedPagesPerThread: (remaining - queued) / threadCount,
            queuedPageBytesPerThread: queued / threadCount)
    }

    /// The page workspace for pages of `page` bytes and dictionaries of `dictionary`:
    /// the body being encoded (a data page, or a dictionary page of at most the
    /// dictionary's PLAIN size) and its compressed copy, each up to twice as large as
    /// it as arrays grow, and the dictionary indices of one page.
    static func workspaceBytes(page: Int, dictionary: Int, options: WriterOptions) -> Int {
        let largestBody = max(page, min(dictionary, options.dictionaryPageSizeLimit + page))
        return 4 * largestBody + 2 * page + (64 << 10)
    }

    /// What a codec's context takes, at most, for pages of up to a few MiB.
    public static func codecReserve(_ compression: Compression) -> Int {
        switch compression {
        case .uncompressed: 0
        case .snappy, .lz4Raw: 64 << 10
        case .gzip: 512 << 10
        // Levels past 9 search larger tables; ZSTD sizes them by the page, a few MiB at most.
        case .zstd(let level): level <= 3 ? 3 << 20 : level <= 9 ? 6 << 20 : 24 << 20
        }
    }
}
