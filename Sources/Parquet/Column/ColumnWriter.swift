import ParquetFormat

/// Buffers one column's cells for the open data page. Closed pages go to the
/// column's `ColumnChunkEncoder`, on the appending thread or on an encoding thread.
///
/// The open page keeps raw values (not yet encoded) so that a rejected row can be
/// rolled back by dropping its last cell. Pages close only between rows.
final class ColumnWriter<Values: PageValues> {
    // What an append touches comes first, so that it lies in the object's first two
    // cache lines.
    @exclusivity(unchecked) var values: Values
    /// One definition level per value slot of the open page; empty when the column has none.
    @exclusivity(unchecked) var definitionLevels = PageBuffer<UInt8>()
    /// One repetition level per value slot of the open page; empty for flat columns.
    @exclusivity(unchecked) var repetitionLevels = PageBuffer<UInt8>()
    /// Rows in the open page.
    @exclusivity(unchecked) private(set) var rowsInPage = 0
    /// While a flat column's open page has no null, its levels (all the maximum)
    /// are not stored: the page's value count says how many there are.
    private var levelsDeferred: Bool
    /// `descriptor.hasDefinitionLevels`, kept beside the page's state.
    private let hasDefinitionLevels: Bool
    private let maxDefinitionLevel: UInt8
    /// The open page closes once its values and levels take this many bytes…
    private let pageByteLimit: Int
    /// …or once its buffers hold this many: `WriterMemoryPlan.pageMemoryLimit`, or for
    /// the first page of a row group the column's share of it (`firstPageMemoryLimit`).
    private var pageMemoryLimit: Int
    private let steadyPageMemoryLimit: Int
    private let firstPageMemoryLimit: Int
    /// Whether the page closing now ends the column chunk, so that the next one is a
    /// row group's first.
    private var closingPageEndsChunk = false

    /// Where the current row's cell starts, so a list cell can be rolled back whole.
    private var rowStartLevelCount = 0
    private var rowStartValueCount = 0
    let descriptor: ColumnDescriptor
    /// Encodes the closed pages. Between two idle points of the encoding pool only the
    /// thread that owns the column touches it.
    let encoder: ColumnChunkEncoder<Values>

    init(
        descriptor: ColumnDescriptor, values: Values, options: WriterOptions, plan: WriterMemoryPlan,
        columnIndex: Int, columnCount: Int
    ) throws(ParquetWriterError) {
        self.pageByteLimit = options.dataPageSizeLimit
        self.steadyPageMemoryLimit = plan.pageMemoryLimit
        self.firstPageMemoryLimit = plan.firstPageMemoryLimit(ofColumn: columnIndex)
        self.pageMemoryLimit = firstPageMemoryLimit
        self.descriptor = descriptor
        self.values = values
        self.maxDefinitionLevel = UInt8(descriptor.maxDefinitionLevel)
        self.hasDefinitionLevels = descriptor.hasDefinitionLevels
        self.levelsDeferred = descriptor.maxRepetitionLevel == 0
        self.encoder = try ColumnChunkEncoder(
            descriptor: descriptor, options: options, plan: plan, columnCount: columnCount)
    }

    deinit {
        values.deallocate()
        definitionLevels.deallocate()
        repetitionLevels.deallocate()
    }

    /// Bytes the open page's values and levels take before encoding.
    var bufferedByteCount: Int {
        // Checked after every cell, so buffers that are certainly empty are not touched.
        var count = values.plainByteCount
        if !levelsDeferred { count &+= definitionLevels.count &+ repetitionLevels.count }
        return count
    }

    /// Bytes the open page's values and levels occupy in their buffers.
    var bufferedMemoryByteCount: Int {
        var count = values.memoryByteCount
        if !levelsDeferred { count &+= definitionLevels.count &+ repetitionLevels.count }
        return count
    }

    /// Whether the open page has reached its byte or memory limit.
    @inline(__always)
    var pageIsFull: Bool { bufferedByteCount >= pageByteLimit || bufferedMemoryByteCount >= pageMemoryLimit }

    /// Bytes the open page's buffers hold, used or not.
    var pageStorageByteCount: Int {
        values.storageByteCount + definitionLevels.storageByteCount + repetitionLevels.storageByteCount
    }

    /// Records a null list cell; the caller has checked that the column is OPTIONAL.
    func appendNullList() {
        markRowStart()
        repetitionLevels.append(0)
        definitionLevels.append(0)
        rowsInPage &+= 1
    }

    /// Notes where a list cell begins, for rollback.
    @inline(__always)
    func markRowStart() {
        rowStartLevelCount = definitionLevels.count
        rowStartValueCount = values.count
    }

    /// Records the slot of a list element whose value was just stored.
    @inline(__always)
    func appendListValueSlot(repetitionLevel: UInt8) {
        definitionLevels.append(maxDefinitionLevel)
        repetitionLevels.append(repetitionLevel)
    }

    /// Records a slot with no value: a null element or an empty list, by its level.
    func appendListEmptySlot(repetitionLevel: UInt8, definitionLevel: UInt8) {
        definitionLevels.append(definitionLevel)
        repetitionLevels.append(repetitionLevel)
    }

    /// Records `count` stored values of one list, after the first slot's repetition level.
    func appendListValueSlots(count: Int, firstRepetitionLevel: UInt8, repetitionLevel: UInt8) {
        guard count > 0 else { return }
        definitionLevels.append(repeating: maxDefinitionLevel, count: count)
        repetitionLevels.append(firstRepetitionLevel)
        repetitionLevels.append(repeating: repetitionLevel, count: count - 1)
    }

    var levelCount: Int { definitionLevels.count }

    /// Completes a list cell.
    @inline(__always)
    func finishListCell() { rowsInPage &+= 1 }

    // MARK: Columnar batches

    /// Appends `rows` of a validated columnar batch to a flat column, handing each page
    /// to `flushPage` on the row that fills it, as row-by-row appends would close it.
    /// `valueByteCount(row)` gives a valid row's variable bytes (nil for fixed-width
    /// values); `appendValues` stores the values of the rows of a range that have one.
    @inline(__always)
    func appendBatch(
        _ rows: Range<Int>, validity: ValidityBits?, pageRowLimit: Int,
        flushPage: () throws(ParquetWriterError) -> Void,
        valueByteCount: ((Int) -> Int)? = nil, appendValues: (inout Values, Range<Int>, ValidityBits?) -> Void
    ) throws(ParquetWriterError) {
        var row = rows.lowerBound
        while row < rows.upperBound {
            let end = batchPageEnd(
                row..<rows.upperBound, validity: validity, pageRowLimit: pageRowLimit, valueByteCount: valueByteCount)
            appendPageRows(row..<end, validity: validity, appendValues: appendValues)
            row = end
            if rowsInPage >= pageRowLimit || pageIsFull { try flushPage() }
        }
    }

    /// Appends rows that all go to the open page: their values, and their definition
    /// levels once the page has a null.
    @inline(__always)
    private func appendPageRows(
        _ rows: Range<Int>, validity: ValidityBits?, appendValues: (inout Values, Range<Int>, ValidityBits?) -> Void
    ) {
        let countBefore = values.count
        appendValues(&values, rows, validity)
        rowsInPage &+= rows.count
        guard hasDefinitionLevels else { return }
        if values.count &- countBefore == rows.count {
            if !levelsDeferred { definitionLevels.append(repeating: maxDefinitionLevel, count: rows.count) }
            return
        }
        // The page's first null stores the levels deferred until then.
        if levelsDeferred {
            definitionLevels.append(repeating: maxDefinitionLevel, count: countBefore)
            levelsDeferred = false
        }
        // Some row is null, so there is a bitmap.
        definitionLevels.appendLevels(of: rows, validity: validity!, present: maxDefinitionLevel)
    }

    /// The row after the first of `rows` whose cell would fill the open page (by rows,
    /// bytes or memory, as `pageIsFull` counts them), or the end of `rows`.
    @inline(__always)
    private func batchPageEnd(
        _ rows: Range<Int>, validity: ValidityBits?, pageRowLimit: Int, valueByteCount: ((Int) -> Int)?
    ) -> Int {
        // Every count only grows row by row, so when all of `rows` leave the page short
        // of its limits no row before the last fills it: one look at the totals suffices.
        let validCount = validity?.validCount(in: rows) ?? rows.count
        var variableBytes = values.variableByteCount
        if let valueByteCount {
            for row in rows where validity?[row] ?? true { variableBytes &+= valueByteCount(row) }
        }
        var levelBytes = 0
        if hasDefinitionLevels {
            if !levelsDeferred {
                levelBytes = definitionLevels.count &+ rows.count
            } else if validCount < rows.count {
                levelBytes = values.count &+ rows.count
            }
        }
        if !fillsPage(
            rows: rowsInPage &+ rows.count, values: values.count &+ validCount, variableBytes: variableBytes,
            levelBytes: levelBytes, pageRowLimit: pageRowLimit)
        {
            return rows.upperBound
        }
        var valueCount = values.count
        variableBytes = values.variableByteCount
        var deferred = levelsDeferred
        var levelCount = definitionLevels.count
        var rowCount = rowsInPage
        for row in rows {
            rowCount &+= 1
            if validity?[row] ?? true {
                valueCount &+= 1
                variableBytes &+= valueByteCount?(row) ?? 0
                if hasDefinitionLevels && !deferred { levelCount &+= 1 }
            } else {
                // The first null of a page stores the levels deferred until then.
                if deferred {
                    levelCount &+= valueCount
                    deferred = false
                }
                levelCount &+= 1
            }
            if fillsPage(
                rows: rowCount, values: valueCount, variableBytes: variableBytes, levelBytes: deferred ? 0 : levelCount,
                pageRowLimit: pageRowLimit)
            {
                return row &+ 1
            }
        }
        return rows.upperBound
    }

    /// Whether a page of these counts has reached a limit, as `pageIsFull` and the row
    /// limit judge it.
    @inline(__always)
    private func fillsPage(rows: Int, values valueCount: Int, variableBytes: Int, levelBytes: Int, pageRowLimit: Int)
        -> Bool
    {
        let sizes = values.byteCounts(count: valueCount, variableBytes: variableBytes)
        return rows >= pageRowLimit || sizes.plain &+ levelBytes >= pageByteLimit
            || sizes.memory &+ levelBytes >= pageMemoryLimit
    }

    /// Drops the last complete list cell, a null one included. (A flat column's cells
    /// wait in the writer's `RowStage` until their row is complete.)
    func removeLastCell() {
        rowsInPage -= 1
        removeSlotsFromRowStart()
    }

    /// Drops the slots of a list cell that is still being built.
    func removeOpenListCell() { removeSlotsFromRowStart() }

    private func removeSlotsFromRowStart() {
        definitionLevels.truncate(to: rowStartLevelCount)
        repetitionLevels.truncate(to: rowStartLevelCount)
        values.removeLast(values.count - rowStartValueCount)
    }

    /// Marks the page about to close as the column chunk's last: the next page opens
    /// the next row group's chunk.
    func endChunkWithClosingPage() { closingPageEndsChunk = true }

    /// The open page, closed, as a view of the column's own buffers: for an encoder
    /// on this thread, after which `clearPage()` empties them for the next page.
    func pageInPlace() -> ClosedPage<Values> {
        ClosedPage(
            values: values, definitionLevels: definitionLevels, repetitionLevels: repetitionLevels,
            levelsDeferred: levelsDeferred, rowCount: rowsInPage, bufferedByteCount: bufferedByteCount,
            memoryByteCount: bufferedMemoryByteCount)
    }

    /// The open page, closed, with its buffers: the column goes on with new ones (of the
    /// same capacity, allocated on their first append), and the page's new owner frees them.
    func takePage() -> ClosedPage<Values> {
        let page = pageInPlace()
        values = values.withoutStorage()
        definitionLevels = definitionLevels.withoutStorage()
        repetitionLevels = repetitionLevels.withoutStorage()
        resetPageState()
        return page
    }

    /// Empties the open page, keeping its buffers' storage.
    func clearPage() {
        values.removeAll()
        definitionLevels.removeAll()
        repetitionLevels.removeAll()
        resetPageState()
    }

    private func resetPageState() {
        levelsDeferred = descriptor.maxRepetitionLevel == 0
        rowsInPage = 0
        pageMemoryLimit = closingPageEndsChunk ? firstPageMemoryLimit : steadyPageMemoryLimit
        closingPageEndsChunk = false
    }

    /// Gives back the open page's buffers and the encoder's, once the file is complete.
    func releaseStorage() {
        values.releaseStorage()
        definitionLevels.releaseStorage()
        repetitionLevels.releaseStorage()
        rowsInPage = 0
        encoder.releaseStorage()
    }

    /// Drops the open page and the chunk's pages, for a row group that cannot be
    /// written; the encoding pool is idle.
    func discardChunk() {
        endChunkWithClosingPage()
        clearPage()
        encoder.startNextChunk()
    }
}
