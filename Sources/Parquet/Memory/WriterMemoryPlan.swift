import ParquetCompression

/// How `WriterOptions.memoryLimit` is shared out among what a writer holds.
///
/// The writer holds four kinds of memory, and the plan caps each one so their sum
/// stays within the limit for any column count:
///
/// - a fixed part: the page workspace (one page body, its compressed copy and its
///   dictionary indices), the codec's context, the spill file's I/O buffer, the
///   footer metadata kept in memory, the rows staged before they go to the columns
///   (the stage being filled and the `StageFlusher.stageCount` blocks a flusher holds,
///   each of about `stageByteTarget`), and a little bookkeeping per column;
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
    /// Whether the limit holds pages below `dataPageSizeLimit`, so that the budget, not
    /// the page size, decides where they close (`firstPageMemoryLimit(ofColumn:)`).
    let pagesCloseByMemory: Bool

    /// What a block of staged rows takes: small enough to stay in a core's cache.
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
        for descriptor in schema.descriptors {
            if (try? options.valueEncodings(for: descriptor).usesDictionary) == true { dictionaryColumns += 1 }
        }
        let limit = options.memoryLimit
        let compressions = options.allCompressions().map(\.1)
        func contextBytes(largestBody: Int) -> Int {
            compressions.map { Self.codecReserve($0, largestBody: largestBody) }.max() ?? 0
        }
        // Pages larger than the options allow would leave their share unused.
        var pageCeiling = 2 * options.dataPageSizeLimit + 2 * options.dataPageRowLimit
        // A hash table takes up to about eight times its entries' PLAIN size, so a
        // dictionary reaches `dictionaryPageSizeLimit` before a ceiling of eight times it.
        var dictionaryCeiling = 8 * options.dictionaryPageSizeLimit + (64 << 10)
        // ZSTD at high levels takes tens of MiB for MiB-sized bodies: pages and
        // dictionaries are held to the size whose context takes a quarter of the limit.
        var bodyCap = max(pageCeiling, dictionaryCeiling)
        while bodyCap > Self.pageMemoryFloor, contextBytes(largestBody: bodyCap) > limit / 4 { bodyCap /= 2 }
        pageCeiling = min(pageCeiling, bodyCap)
        dictionaryCeiling = min(dictionaryCeiling, bodyCap)
        // A codec's context grows with the largest body it compresses, which the shares
        // bound for a given limit: a page gets at most half of it, a dictionary a fifth.
        func codecReserve(_ limit: Int) -> Int {
            let page = min(pageCeiling, max(Self.pageMemoryFloor, (limit / 2) / (columnCount + 6)))
            let dictionary =
                dictionaryColumns > 0
                ? max(Self.dictionaryMemoryFloor, min(dictionaryCeiling, limit / 5 / dictionaryColumns)) : 0
            return contextBytes(largestBody: Self.largestBody(page: page, dictionary: dictionary, options: options))
        }
        let stagedKinds = RowStage.stagedKinds(schema)
        let stagedRowBytes = max(1, RowStage.byteCount(kinds: stagedKinds, capacity: 64) / 64)
        let stagedRowCapacity = min(1_024, max(8, Self.stageByteTarget / stagedRowBytes / 8 * 8))
        // The byte array cells' buffers grow by doubling from 1 KiB, past their target by one row.
        let stagedByteArrayColumns = stagedKinds.count { $0 == .byteArray }
        // The stage being filled and a `StageFlusher`'s. Counted whatever the thread
        // count, so that the pages' share, and the bytes, are the same.
        let stageBytes =
            (1 + StageFlusher.stageCount)
            * (RowStage.byteCount(kinds: stagedKinds, capacity: stagedRowCapacity)
                + (stagedByteArrayColumns > 0 ? 2 * Self.stagedByteArrayTarget + stagedByteArrayColumns << 10 : 0))
        // The footer stores and the spill buffer grow with the limit, up to a point.
        // They only gather bytes on their way to a temporary file, so a small buffer does.
        func footerStore(_ limit: Int) -> Int { min(options.footerMemoryLimit, max(16 << 10, limit / 512)) }
        func spillBuffer(_ limit: Int) -> Int { min(1 << 20, max(64 << 10, limit / 32)) }
        // Each footer store's buffer may reach twice its limit before it moves to disk.
        func fixedWithoutWorkspace(_ limit: Int) -> Int {
            Self.baseOverhead + codecReserve(limit) + spillBuffer(limit) + 3 * 2 * footerStore(limit) + stageBytes
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
        // The workspace holds the largest page being encoded (6 pages' worth, with its
        // compressed copy and dictionary indices), so it comes out of the pages' half.
        var available = limit - fixedWithoutWorkspace
        let page = min(pageCeiling, max(Self.pageMemoryFloor, (available / 2 - (64 << 10)) / (columnCount + 6)))
        available -= page * columnCount
        var dictionary = 0
        if dictionaryColumns > 0 {
            let share = min(dictionaryCeiling, (limit - fixedWithoutWorkspace) / 5 / dictionaryColumns)
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
        self.codecReserve = codecReserve(limit)
        minimumEncodedPages = minimumEncoded
        self.stagedRowCapacity = stagedRowCapacity
        pagesCloseByMemory = page < options.dataPageSizeLimit
    }

    /// What column `index`'s first page in each row group may hold. When the limit holds
    /// pages below `dataPageSizeLimit`: between 1/64 of `pageMemoryLimit` and all of it,
    /// in 64ths that differ from one column to the next; otherwise `pageMemoryLimit`.
    ///
    /// Columns of one type fill their pages at the same pace, so with equal limits
    /// hundreds of pages would close on the same few rows and reach the encoding threads
    /// in one burst, stalling the rows behind them. Shortening each column's first page
    /// by its own amount spreads the closes over a page's worth of rows, and the pages
    /// after it keep that spacing. It depends on the column's position alone, so the
    /// pages are the same whatever the thread count; and pages that `dataPageSizeLimit`
    /// closes keep the size it gives them.
    public func firstPageMemoryLimit(ofColumn index: Int) -> Int {
        guard pagesCloseByMemory else { return pageMemoryLimit }
        // Multiplying by 2^64 / φ and keeping the top 6 bits spreads neighbouring
        // positions evenly over the 64 steps.
        let step = Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15) >> 58)
        return pageMemoryLimit * (step + 1) / 64
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
        4 * largestBody(page: page, dictionary: dictionary, options: options) + 2 * page + (64 << 10)
    }

    /// The largest body a page workspace encodes and compresses: a data page, or a
    /// dictionary page of at most the dictionary's PLAIN size.
    static func largestBody(page: Int, dictionary: Int, options: WriterOptions) -> Int {
        max(page, min(dictionary, options.dictionaryPageSizeLimit + page))
    }

    /// What a codec's context takes, at most, for bodies of up to `largestBody` bytes.
    /// ZSTD's grows with the body, so the encoded pages' size does not decide it alone:
    /// twice the body is counted, for a page that passes its share by its last rows.
    static func codecReserve(_ compression: Compression, largestBody: Int) -> Int {
        PageCompressor.contextByteCount(compression.codec, level: compression.level, largestInput: 2 * largestBody)
    }
}
