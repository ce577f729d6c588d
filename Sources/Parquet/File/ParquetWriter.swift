import ParquetEncoding
import ParquetFormat

/// Writes a Parquet file row by row to a sink, within `WriterOptions.memoryLimit`.
///
/// Append one cell per column, in schema order, then call `endRow()`. A cell that
/// does not fit its column throws a `ParquetWriterError` naming the column and row,
/// and the whole row is rolled back: the writer goes on, and `close()` still
/// produces a valid file with every accepted row.
///
/// Closed pages are encoded, compressed and spilled on `WriterOptions.encodingThreadCount`
/// threads while rows are appended; the file's bytes are the same whatever the count.
/// A failure there (a codec or the spill file) drops the open row group, as a failed
/// spill does, and is thrown from the call that finds it.
///
/// A writer is confined to one task at a time.
public final class ParquetWriter<Sink: ByteSink> {
    /// The columns being written.
    public let schema: Schema
    /// Where the file's bytes go.
    public let sink: Sink
    let options: WriterOptions
    let columns: [AnyColumnWriter]
    /// Encodes closed pages, on worker threads or on this one.
    private let pool: PageEncoderPool
    /// The same writers, for per-cell access without reference counting.
    @usableFromInline let slots: [CellSlot]
    /// Each column's allowed integer range, kept apart as plain values for the hot path.
    let integerRanges: [ClosedRange<Int128>?]
    let pageRowLimit: Int
    /// How `WriterOptions.memoryLimit` is shared out.
    public let memoryPlan: WriterMemoryPlan
    /// Index of the column the next cell goes to; the VOParquet writer follows the row by it.
    @usableFromInline @exclusivity(unchecked) package internal(set) var cursor = 0
    /// The flat columns' cells of the rows not yet in the column writers.
    let stage: RowStage
    /// Moves full blocks of `stage` to the columns on a thread of its own, when more
    /// than one thread is asked for and every column is staged. When the memory limit
    /// leaves the pool one thread, that thread is the flusher's: pages are encoded there.
    let flusher: StageFlusher?
    /// Rows in `stage`; the current row's cells go to this row of the block.
    @exclusivity(unchecked) var stagedRows = 0
    /// The current row's cells in `stage`: where row `stagedRows` begins.
    @usableFromInline @exclusivity(unchecked) var stagedRowCells: UnsafeMutableRawPointer
    /// Rows accepted so far: the index of the row being appended.
    public private(set) var rowCount = 0
    private var rowsInRowGroup = 0
    private var nextRowGroupSizeCheck = 1
    /// Columns whose open page reached a limit during the current row.
    @exclusivity(unchecked) var fullPages: [Int] = []
    /// How many lists of the current column's cell are open.
    @exclusivity(unchecked) var openListDepth = 0
    /// The repetition level the next slot of the open list cell gets.
    @exclusivity(unchecked) var nextRepetitionLevel: UInt8 = 0
    /// For each open list, the column's level count when it began: an empty list adds none.
    var openListStarts: [Int] = []
    private var footer: FooterBuilder
    private var bytesWritten: Int64 = 0
    @exclusivity(unchecked) private var state = State.open {
        didSet { cellLimit = isOpen ? columns.count : 0 }
    }
    /// How far `cursor` may go: the column count while the writer is open, 0 once it is
    /// closed, so that one comparison per cell refuses both an extra cell and a closed writer.
    @usableFromInline @exclusivity(unchecked) internal(set) var cellLimit: Int

    private enum State { case open, closed }

    @inline(__always) var isOpen: Bool {
        if case .open = state { true } else { false }
    }

    /// Creates a writer and writes the file's leading magic bytes to `sink`.
    public init(schema: Schema, sink: Sink, options: WriterOptions = WriterOptions()) throws(ParquetWriterError) {
        try options.validate(for: schema)
        let plan = try WriterMemoryPlan(options: options, schema: schema)
        self.memoryPlan = plan
        self.schema = schema
        self.sink = sink
        self.options = options
        var columns: [AnyColumnWriter] = []
        for (index, descriptor) in schema.descriptors.enumerated() {
            columns.append(
                try AnyColumnWriter(
                    descriptor: descriptor, options: options, plan: plan, columnIndex: index,
                    columnCount: schema.descriptors.count))
        }
        self.columns = columns
        cellLimit = columns.count
        self.pool = try PageEncoderPool(
            shares: plan.encodingShares(atMost: options.encodingThreadCount), schema: schema, options: options,
            plan: plan)
        pool.assign(columns.map(\.spillableChunk))
        let stagedKinds = RowStage.stagedKinds(schema)
        func makeStage() -> RowStage {
            RowStage(
                kinds: stagedKinds, capacity: plan.stagedRowCapacity,
                arenaByteLimit: WriterMemoryPlan.stagedByteArrayTarget)
        }
        let stage = makeStage()
        self.stage = stage
        stagedRowCells = stage.rowCells
        let stagesEveryColumn = stagedKinds.allSatisfy { $0 != nil }
        flusher = options.encodingThreadCount == 1 || !stagesEveryColumn ? nil : StageFlusher(makeStage: makeStage)
        self.slots = columns.enumerated().map { index, column in
            let range = column.descriptor.integerRange
            let wholeRange =
                column.kind == .int32
                ? range == Int128(Int32.min)...Int128(Int32.max)
                : column.kind == .int64 ? range == Int128(Int64.min)...Int128(Int64.max) : false
            return CellSlot(
                kind: column.kind, isNullable: !column.descriptor.isRequired, takesWholePhysicalRange: wholeRange,
                writer: column.unmanaged, stagedCellOffset: stage.cellOffsets[index] ?? -1,
                listDepth: column.descriptor.maxRepetitionLevel)
        }
        self.integerRanges = schema.descriptors.map(\.integerRange)
        self.pageRowLimit = options.dataPageRowLimit
        self.footer = FooterBuilder(
            schema: schema, writesPageIndex: options.writesPageIndex, memoryLimit: plan.footerStoreMemoryLimit)
        try write(ParquetMagic.bytes)
    }

    deinit { flusher?.stop() }

    /// The threads that encode pages: `WriterOptions.encodingThreadCount`, or fewer when
    /// the memory limit cannot give more their workspaces. 1 means pages are encoded on
    /// the appending thread.
    public var encodingThreadCount: Int { pool.shares.threadCount }

    /// Bytes the writer's buffers hold now, used or not, as `WriterMemoryPlan` counts
    /// them: the codec contexts and the fixed overhead per column are not included.
    /// Waits for the encoding threads first.
    var heldByteCount: Int {
        flusher?.waitKeepingFailure()
        _ = pool.waitUntilIdle()
        var count = pool.heldByteCount + footer.heldByteCount + stage.heldByteCount
        count += flusher?.heldByteCount ?? 0
        for column in columns { count += column.heldByteCount }
        return count
    }

    /// Bytes moved to the spill files over the writer's life. Waits for the encoding threads.
    var totalBytesSpilled: Int64 {
        flusher?.waitKeepingFailure()
        _ = pool.waitUntilIdle()
        return pool.totalBytesSpilled
    }

    /// Makes every spill write fail once a spill file would pass `capacity`, as a full disk does.
    func setSpillCapacityForTesting(_ capacity: Int64?) {
        flusher?.waitKeepingFailure()
        _ = pool.waitUntilIdle()
        pool.setSpillCapacityForTesting(capacity)
    }

    /// Sets (or with `nil`, removes) a key-value pair of the footer metadata. Allowed
    /// until the writer is closed.
    public func setMetadata(_ key: String, _ value: String?) throws(ParquetWriterError) {
        guard isOpen else { throw .writerClosed }
        footer.setMetadata(key, value)
    }

    /// Completes the current row. Throws `missingCell` (rolling the row back) when
    /// some column got no cell.
    public func endRow() throws(ParquetWriterError) {
        guard isOpen else { throw .writerClosed }
        guard cursor == columns.count else {
            throw rejectRow(.missingCell(column: columns[cursor].descriptor.name, row: rowCount))
        }
        cursor = 0
        rowCount += 1
        rowsInRowGroup += 1
        stagedRows &+= 1
        stagedRowCells += stage.rowStride
        if !fullPages.isEmpty { try flushFullPages() }
        if rowGroupIsDue {
            try flushStage()
            try closeRowGroupIfDue()
        } else if stagedRows == stage.capacity || stage.arenaByteCount >= stage.arenaByteLimit {
            try handOffStage()
        }
    }

    /// Closes the row group at its row limit, or looks at its size when that is due.
    private func closeRowGroupIfDue() throws(ParquetWriterError) {
        if rowsInRowGroup >= options.maxRowGroupRows {
            try flushRowGroup()
        } else if rowsInRowGroup >= nextRowGroupSizeCheck {
            try checkRowGroupSize()
        }
    }

    /// Whether the row group is at its row limit or its size is due to be looked at.
    private var rowGroupIsDue: Bool {
        rowsInRowGroup >= options.maxRowGroupRows || rowsInRowGroup >= nextRowGroupSizeCheck
    }

    /// Rows that can be added before the row group must be closed or its size looked
    /// at: a columnar batch appends this many rows to every column before it counts them.
    var rowsBeforeRowGroupCheck: Int {
        max(1, min(options.maxRowGroupRows, nextRowGroupSizeCheck) - rowsInRowGroup)
    }

    /// Counts `count` rows just appended to every column, whose full pages are already
    /// flushed, and closes the row group as `endRow()` would after the last of them.
    func endBatchRows(_ count: Int) throws(ParquetWriterError) {
        rowCount += count
        rowsInRowGroup += count
        try closeRowGroupIfDue()
    }

    /// Discards the cells of the current row, if any.
    public func discardRow() {
        if openListDepth > 0 {
            columns[cursor].removeOpenListCell()
            openListDepth = 0
            openListStarts.removeAll(keepingCapacity: true)
        }
        for index in 0..<cursor {
            if slots[index].isStaged {
                stage.removeCell(column: index, row: stagedRows)
            } else {
                columns[index].removeLastCell()
            }
        }
        cursor = 0
        fullPages.removeAll(keepingCapacity: true)
    }

    /// Rolls back the partial row and returns `error` for the caller to throw.
    func rejectRow(_ error: ParquetWriterError) -> ParquetWriterError {
        discardRow()
        return error
    }

    /// Writes the last row group and the footer, then closes the sink. A partial row
    /// is discarded. Returns the file's footer metadata, as written; it holds every row
    /// group, so for a long file with many columns `finish()` costs less memory.
    @discardableResult
    public func close() throws(ParquetWriterError) -> FileMetaData {
        try finishFile(keepingRowGroups: true)
    }

    /// Writes the last row group and the footer, then closes the sink, like
    /// `close()`, without keeping the footer's row groups as structs: the memory at the
    /// end stays that of one row group's metadata.
    public func finish() throws(ParquetWriterError) {
        _ = try finishFile(keepingRowGroups: false)
    }

    /// Writes the last row group, the page index and the footer, and returns the footer,
    /// with its row groups only when `keepingRowGroups`.
    private func finishFile(keepingRowGroups: Bool) throws(ParquetWriterError) -> FileMetaData {
        guard isOpen else { throw .writerClosed }
        discardRow()
        if rowsInRowGroup > 0 {
            try flushStage()
            try flushRowGroup()
        }
        state = .closed
        let pageIndexOffset = bytesWritten
        if let pageIndexes = footer.pageIndexes {
            // As parquet-mr lays them out: every ColumnIndex, then every OffsetIndex.
            for store in [pageIndexes.columnIndexes, pageIndexes.offsetIndexes] {
                try store.forEachPiece { (piece) throws(ParquetWriterError) in try write(piece[...]) }
            }
        }
        let footerStart = bytesWritten
        let metadata = try footer.writeFooter(
            numRows: Int64(rowCount), pageIndexOffset: pageIndexOffset, keepingRowGroups: keepingRowGroups
        ) { (bytes) throws(ParquetWriterError) in try write(bytes) }
        let length = UInt32(bytesWritten - footerStart)
        try write(withUnsafeBytes(of: length.littleEndian) { Array($0) })
        try write(ParquetMagic.bytes)
        releaseStorage()
        pool.stop()
        flusher?.stop()
        do {
            try sink.close()
        } catch {
            throw .sinkFailed("\(error)")
        }
        return metadata
    }

    /// Gives back every buffer once the file is complete, so that a long-lived writer
    /// object (or a service writing file after file) holds nothing of it.
    private func releaseStorage() {
        for column in columns { column.releaseStorage() }
        stage.releaseStorage()
        for stage in flusher?.stages ?? [] { stage.releaseStorage() }
        pool.releaseStorage()
        footer.releaseStorage()
        fullPages = []
        openListStarts = []
        HeapTrim.releaseFreePages()
    }

    // MARK: Pages and row groups

    private func flushFullPages() throws(ParquetWriterError) {
        do {
            for index in fullPages { try flushPage(ofColumn: index) }
        } catch {
            throw dropRowGroup(after: error)
        }
        fullPages.removeAll(keepingCapacity: true)
    }

    /// Stops taking input after a failure that left the columns out of step.
    func closeAfterFailure() { state = .closed }

    /// Hands the column's open page to the encoding pool, throwing the pool's failure:
    /// the caller drops the row group for it (`dropRowGroup`), on the appending thread.
    func flushPage(ofColumn index: Int) throws(ParquetWriterError) {
        try submitPage(ofColumn: index, closesChunk: false)
    }

    private func submitPage(ofColumn index: Int, closesChunk: Bool) throws(ParquetWriterError) {
        let column = columns[index]
        let job = column.makePageJob(closesChunk: closesChunk, takingBuffers: !pool.isInline)
        let failure = pool.submit(job, column: index)
        if pool.isInline { column.clearPage() }
        if let failure { throw failure }
    }

    /// Forgets every row of the open row group, after `failure` in the encoding pool,
    /// and returns the failure to throw: the rows written before stay a valid file.
    func dropRowGroup(after failure: ParquetWriterError) -> ParquetWriterError {
        _ = flusher?.waitUntilIdle()
        _ = pool.waitUntilIdle()
        for column in columns { column.discardChunk() }
        stage.reset()
        emptyStagedRows()
        fullPages.removeAll(keepingCapacity: true)
        rowCount -= rowsInRowGroup
        rowsInRowGroup = 0
        nextRowGroupSizeCheck = 1
        pool.startNextRowGroup()
        return failure
    }

    /// Estimates the row group's encoded size, closing it at the target, and picks
    /// the row at which to look again so the estimate costs little per row.
    private func checkRowGroupSize() throws(ParquetWriterError) {
        var estimate = pool.rowGroupEstimate()
        for column in columns { estimate &+= column.bufferedByteCount }
        let target = options.rowGroupTargetBytes
        if estimate >= target { return try flushRowGroup() }
        let bytesPerRow = max(1, estimate / rowsInRowGroup)
        let rowsToTarget = (target - estimate) / bytesPerRow
        nextRowGroupSizeCheck = rowsInRowGroup + max(1, min(10_000, rowsToTarget / 2))
    }

    private func flushRowGroup() throws(ParquetWriterError) {
        do {
            for index in columns.indices { try submitPage(ofColumn: index, closesChunk: true) }
        } catch {
            throw dropRowGroup(after: error)
        }
        if let failure = pool.waitUntilIdle() { throw dropRowGroup(after: failure) }
        var chunks: [ColumnChunk] = []
        chunks.reserveCapacity(columns.count)
        let rowGroupOffset = bytesWritten
        for (index, column) in columns.enumerated() {
            let chunk = column.chunk
            let sizeStatistics = column.finishedSizeStatistics()
            let metadata = chunk.metadata(
                fileOffset: bytesWritten, statistics: column.finishedStatistics, sizeStatistics: sizeStatistics.chunk)
            chunks.append(metadata)
            if options.writesPageIndex {
                var offsetIndex = chunk.offsetIndex(dataPageOffset: metadata.metaData!.dataPageOffset)
                offsetIndex.unencodedByteArrayDataBytes = sizeStatistics.pageByteArrayBytes
                do {
                    try footer.appendPageIndex(columnIndex: column.finishedColumnIndex(), offsetIndex: offsetIndex)
                } catch {
                    state = .closed
                    throw error
                }
            }
            do {
                try chunk.writePages(from: pool.spillFile(ofColumn: index)) { (bytes) throws(ParquetWriterError) in
                    try write(bytes)
                }
            } catch {
                // Part of the row group is out: the file cannot be completed.
                state = .closed
                throw error
            }
        }
        // Each chunk's Bloom filter (header, then bitset) follows the row group's pages.
        for (index, column) in columns.enumerated() {
            if let filter = column.bloomFilter {
                let offset = bytesWritten
                try write(filter.encodedHeader)
                try write(byteCount: filter.byteCount) { try filter.withBitsetBytes { try sink.write($0) } }
                chunks[index].metaData!.bloomFilterOffset = offset
                chunks[index].metaData!.bloomFilterLength = Int32(bytesWritten - offset)
            }
            column.startNextChunk()
        }
        do {
            try footer.appendRowGroup(columns: chunks, numRows: Int64(rowsInRowGroup), fileOffset: rowGroupOffset)
        } catch {
            // The chunks are written but the footer cannot hold them: the file cannot be finished.
            state = .closed
            throw error
        }
        rowsInRowGroup = 0
        nextRowGroupSizeCheck = 1
        pool.startNextRowGroup()
    }

    private func write(_ bytes: [UInt8]) throws(ParquetWriterError) { try write(bytes[...]) }

    private func write(_ bytes: UnsafeRawBufferPointer) throws(ParquetWriterError) {
        try write(byteCount: bytes.count) { try sink.write(bytes) }
    }

    private func write(_ bytes: ArraySlice<UInt8>) throws(ParquetWriterError) {
        try write(byteCount: bytes.count) { try bytes.withUnsafeBytes { try sink.write($0) } }
    }

    /// Runs `body`, which writes `byteCount` bytes to the sink; a sink failure closes the writer.
    private func write(byteCount: Int, _ body: () throws -> Void) throws(ParquetWriterError) {
        guard byteCount > 0 else { return }
        do {
            try body()
        } catch {
            state = .closed
            throw .sinkFailed("\(error)")
        }
        bytesWritten += Int64(byteCount)
    }
}

/// The four bytes that open and close every Parquet file.
enum ParquetMagic {
    static let bytes: [UInt8] = Array("PAR1".utf8)
}
