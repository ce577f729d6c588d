import ParquetFormat

/// Buffers one column's cells for the open data page and turns full pages into
/// encoded, compressed bytes of the column chunk.
///
/// The open page keeps raw values (not yet encoded) so that a rejected row can be
/// rolled back by dropping its last cell. Pages close only between rows.
final class ColumnWriter<Values: ColumnValues> {
    let descriptor: ColumnDescriptor
    @exclusivity(unchecked) var values: Values
    /// One definition level per value slot of the open page; empty when the column has none.
    @exclusivity(unchecked) var definitionLevels = PageBuffer<UInt8>()
    /// While a flat column's open page has no null, its levels (all the maximum)
    /// are not stored: the page's value count says how many there are.
    private var levelsDeferred: Bool
    /// One repetition level per value slot of the open page; empty for flat columns.
    @exclusivity(unchecked) var repetitionLevels = PageBuffer<UInt8>()
    /// Rows in the open page.
    @exclusivity(unchecked) private(set) var rowsInPage = 0
    /// Where the current row's cell starts, so a list cell can be rolled back whole.
    private var rowStartLevelCount = 0
    private var rowStartValueCount = 0

    private let maxDefinitionLevel: UInt8
    private let usesDictionary: Bool
    /// The encoding of pages without dictionary indices: the column's own, or its dictionary fallback.
    private let valueEncoding: PageValueEncoding
    private let dataPageVersion: DataPageVersion
    private let triesDictionary: Bool
    private let dictionaryTrialBytes: Int
    /// Whether the chunk is still to decide if its dictionary pays: until the dictionary
    /// reaches `dictionaryTrialBytes`, over as many pages as that takes.
    private var dictionaryOnTrial: Bool
    /// Values looked up in the dictionary so far in this chunk, and their PLAIN bytes,
    /// for the trial's comparison.
    private var trialValueCount = 0
    private var trialPlainBytes = 0
    /// Whether a data page of this chunk holds dictionary indices, so the chunk needs its dictionary page.
    private var chunkUsesDictionary = false
    /// Set when the dictionary takes no more entries: its page is written once the open page is stored.
    private var dictionaryIsComplete = false
    /// The open page closes once its values and levels take this many bytes…
    private let pageByteLimit: Int
    /// …or once its buffers hold this many (`WriterMemoryPlan.pageMemoryLimit`).
    private let pageMemoryLimit: Int
    /// Past this many bytes of memory the dictionary is written out and the chunk falls back.
    private let dictionaryMemoryLimit: Int
    private var dictionary: Values.Dictionary?
    private var statistics = Values.Statistics()
    /// The open page's own statistics, while the page index is written.
    private var pageStatistics = Values.Statistics()
    private var columnIndex = ColumnIndexBuilder()
    private var sizeStatistics: SizeStatisticsAccumulator
    /// Whether the chunk gets a ColumnIndex: the page index is on and so are the column's statistics.
    private let writesColumnIndex: Bool
    private var chunkNullCount: Int64 = 0
    /// The chunk's Bloom filter, when the column has one; filled as pages close.
    private(set) var bloomFilter: SplitBlockBloomFilter?
    private let statisticsEnabled: Bool
    private let maxStatisticsSize: Int
    private let dictionaryPageSizeLimit: Int
    private let workspace: PageWorkspace
    private(set) var chunk: ColumnChunkAssembler

    init(
        descriptor: ColumnDescriptor, values: Values, options: WriterOptions, plan: WriterMemoryPlan, columnCount: Int,
        workspace: PageWorkspace
    ) throws(ParquetWriterError) {
        self.pageByteLimit = options.dataPageSizeLimit
        self.pageMemoryLimit = plan.pageMemoryLimit
        self.dictionaryMemoryLimit = plan.dictionaryMemoryLimit
        self.descriptor = descriptor
        self.sizeStatistics = SizeStatisticsAccumulator(descriptor: descriptor)
        self.workspace = workspace
        self.values = values
        self.maxDefinitionLevel = UInt8(descriptor.maxDefinitionLevel)
        self.levelsDeferred = descriptor.maxRepetitionLevel == 0
        let encodings = try options.valueEncodings(for: descriptor)
        self.usesDictionary = encodings.usesDictionary
        self.valueEncoding = encodings.withoutDictionary
        self.dataPageVersion = options.dataPageVersion
        self.triesDictionary = usesDictionary && options.dropsIneffectiveDictionaries
        self.dictionaryOnTrial = triesDictionary
        self.dictionaryTrialBytes = options.dictionaryTrialBytes(columnCount: columnCount)
        self.statisticsEnabled = options.resolvedStatistics(descriptor.name)
        self.maxStatisticsSize = options.maxStatisticsSize
        self.writesColumnIndex = options.writesPageIndex && statisticsEnabled
        self.dictionaryPageSizeLimit = options.dictionaryPageSizeLimit
        self.chunk = try ColumnChunkAssembler(
            descriptor: descriptor, compression: options.resolvedCompression(descriptor.name),
            dataPageVersion: options.dataPageVersion, writesChecksums: options.writesPageChecksums,
            recordsPageLocations: options.writesPageIndex, workspace: workspace)
        self.dictionary = usesDictionary ? Values.makeDictionary(typeLength: descriptor.typeLength) : nil
        self.bloomFilter = options.columnOptions[descriptor.name]?.bloomFilter.map {
            SplitBlockBloomFilter(
                distinctCount: $0.expectedDistinctCount, falsePositiveProbability: $0.falsePositiveProbability)
        }
    }

    deinit {
        values.deallocate()
        definitionLevels.deallocate()
        repetitionLevels.deallocate()
    }

    /// Value slots in the open page: one per row for a flat column, one per level entry for a list.
    var slotsInPage: Int { descriptor.hasDefinitionLevels && !levelsDeferred ? definitionLevels.count : values.count }

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

    /// Bytes of encoded pages held for this chunk (in memory or spilled), plus the open page's estimate.
    var estimatedChunkByteCount: Int { chunk.bufferedByteCount &+ bufferedByteCount }

    /// Bytes of this chunk's encoded data pages held in memory.
    var encodedMemoryByteCount: Int { chunk.inMemoryByteCount }

    /// Bytes this column holds now: page buffers (used or not), dictionary, encoded pages in memory.
    var heldByteCount: Int {
        var count = values.storageByteCount + definitionLevels.storageByteCount + repetitionLevels.storageByteCount
        if let dictionary { count += Values.dictionaryMemoryByteCount(dictionary) }
        return count + chunk.inMemoryByteCount + chunk.dictionaryPage.count
    }

    /// Moves the chunk's encoded data pages held in memory to `file`.
    func spillEncodedPages(to file: SpillFile) throws(ParquetWriterError) { try chunk.spill(to: file) }

    /// Completes a flat cell whose value was just stored.
    @inline(__always)
    func finishValueCell() {
        if descriptor.hasDefinitionLevels && !levelsDeferred { definitionLevels.append(maxDefinitionLevel) }
        rowsInPage &+= 1
    }

    /// Records a null cell; the caller has checked that the column is OPTIONAL.
    @inline(__always)
    func appendNullCell() {
        if descriptor.maxRepetitionLevel > 0 {
            markRowStart()
            repetitionLevels.append(0)
        } else if levelsDeferred {
            definitionLevels.append(repeating: maxDefinitionLevel, count: values.count)
            levelsDeferred = false
        }
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

    /// Appends rows of a validated columnar batch to a flat column's open page, up to
    /// and including the row that fills it, so the page closes on the row where
    /// row-by-row appends would close it. Returns how many rows it took (at least one).
    /// `valueByteCount(row)` gives a valid row's variable bytes (0 for fixed-width
    /// values); `appendValues` stores the values of a run of valid rows.
    func appendBatchRows(
        _ rows: Range<Int>, validity: ValidityBits?, pageRowLimit: Int,
        valueByteCount: (Int) -> Int, appendValues: (inout Values, Range<Int>) -> Void
    ) -> Int {
        let end = batchPageEnd(rows, validity: validity, pageRowLimit: pageRowLimit, valueByteCount: valueByteCount)
        var row = rows.lowerBound
        while row < end {
            var validEnd = end
            if let validity {
                validEnd = row
                while validEnd < end && validity[validEnd] { validEnd &+= 1 }
            }
            if validEnd > row {
                appendValues(&values, row..<validEnd)
                if descriptor.hasDefinitionLevels && !levelsDeferred {
                    definitionLevels.append(repeating: maxDefinitionLevel, count: validEnd - row)
                }
            }
            var nullEnd = validEnd
            if let validity {
                while nullEnd < end && !validity[nullEnd] { nullEnd &+= 1 }
            }
            if nullEnd > validEnd {
                if levelsDeferred {
                    definitionLevels.append(repeating: maxDefinitionLevel, count: values.count)
                    levelsDeferred = false
                }
                definitionLevels.append(repeating: 0, count: nullEnd - validEnd)
            }
            row = nullEnd
        }
        rowsInPage &+= end - rows.lowerBound
        return end - rows.lowerBound
    }

    /// The row after the first of `rows` whose cell would fill the open page (by rows,
    /// bytes or memory, as `pageIsFull` counts them), or the end of `rows`.
    private func batchPageEnd(
        _ rows: Range<Int>, validity: ValidityBits?, pageRowLimit: Int, valueByteCount: (Int) -> Int
    ) -> Int {
        var valueCount = values.count
        var variableBytes = values.variableByteCount
        var deferred = levelsDeferred
        var levelCount = definitionLevels.count
        var rowCount = rowsInPage
        for row in rows {
            rowCount &+= 1
            if validity?[row] ?? true {
                valueCount &+= 1
                variableBytes &+= valueByteCount(row)
                if descriptor.hasDefinitionLevels && !deferred { levelCount &+= 1 }
            } else {
                // The first null of a page stores the levels deferred until then.
                if deferred {
                    levelCount &+= valueCount
                    deferred = false
                }
                levelCount &+= 1
            }
            let levelBytes = deferred ? 0 : levelCount
            let sizes = values.byteCounts(count: valueCount, variableBytes: variableBytes)
            if rowCount >= pageRowLimit || sizes.plain &+ levelBytes >= pageByteLimit
                || sizes.memory &+ levelBytes >= pageMemoryLimit
            {
                return row &+ 1
            }
        }
        return rows.upperBound
    }

    /// Drops the last complete cell: a value, a null or a list.
    func removeLastCell() {
        rowsInPage -= 1
        if descriptor.maxRepetitionLevel > 0 { return removeSlotsFromRowStart() }
        if !descriptor.hasDefinitionLevels || levelsDeferred || definitionLevels.removeLast() == maxDefinitionLevel {
            values.removeLast()
        }
    }

    /// Drops the slots of a list cell that is still being built.
    func removeOpenListCell() { removeSlotsFromRowStart() }

    private func removeSlotsFromRowStart() {
        definitionLevels.truncate(to: rowStartLevelCount)
        repetitionLevels.truncate(to: rowStartLevelCount)
        values.removeLast(values.count - rowStartValueCount)
    }

    /// Encodes, compresses and stores the open page, if it holds any rows.
    func flushPage() throws(ParquetWriterError) {
        guard rowsInPage > 0 else { return }
        workspace.body.removeAll(keepingCapacity: true)
        // v1 prefixes each level run with its length; v2 keeps the lengths in the header.
        let lengthPrefixed = dataPageVersion == .v1
        if descriptor.maxRepetitionLevel > 0 {
            LevelEncoder.append(
                .stored(repetitionLevels), maxLevel: descriptor.maxRepetitionLevel,
                lengthPrefixed: lengthPrefixed, to: &workspace.body)
        }
        let repetitionByteCount = workspace.body.count
        let definition: LevelEncoder.Levels =
            levelsDeferred
            ? .run(level: maxDefinitionLevel, count: values.count) : .stored(definitionLevels)
        if descriptor.hasDefinitionLevels {
            LevelEncoder.append(
                definition, maxLevel: descriptor.maxDefinitionLevel, lengthPrefixed: lengthPrefixed, to: &workspace.body
            )
        }
        sizeStatistics.addPage(
            repetitionLevels: repetitionLevels, definitionLevels: definition,
            byteArrayBytes: values.unencodedByteArrayBytes)
        // The byte lengths go into a v2 header only.
        let levelByteCounts =
            lengthPrefixed
            ? (repetition: 0, definition: 0)
            : (repetition: repetitionByteCount, definition: workspace.body.count - repetitionByteCount)
        let encoding = try encodeValues()
        let slotCount = slotsInPage
        // Every slot without a stored value is a null: a null cell, a null element or an empty list.
        let nullCount = slotCount - values.count
        chunkNullCount += Int64(nullCount)
        if writesColumnIndex {
            pageStatistics.reset()
            values.accumulate(into: &pageStatistics)
            statistics.merge(pageStatistics, order: descriptor.statisticsOrder)
            columnIndex.appendPage(
                pageStatistics.encoded(nullCount: Int64(nullCount), descriptor: descriptor, maxSize: maxStatisticsSize),
                valueCount: values.count)
        } else if statisticsEnabled {
            values.accumulate(into: &statistics)
        }
        if bloomFilter != nil { values.insertHashes(into: &bloomFilter!) }
        try chunk.appendDataPage(
            body: workspace.body,
            page: DataPageCounts(
                valueCount: slotCount, nullCount: nullCount, rowCount: rowsInPage,
                repetitionLevelByteCount: levelByteCounts.repetition,
                definitionLevelByteCount: levelByteCounts.definition),
            encoding: encoding)
        if let dictionary, dictionaryIsComplete || values.dictionaryPlainByteCount(dictionary) > dictionaryPageSizeLimit
        {
            // Past its limit: the dictionary is written now and later pages use the fallback encoding.
            try emitDictionaryPage()
        }
        values.removeAll()
        definitionLevels.removeAll()
        levelsDeferred = descriptor.maxRepetitionLevel == 0
        repetitionLevels.removeAll()
        rowsInPage = 0
    }

    /// Appends the open page's values to the workspace's body: dictionary indices while the
    /// dictionary pays and fits its limits, the column's non-dictionary encoding otherwise.
    private func encodeValues() throws(ParquetWriterError) -> PageValueEncoding {
        // Taken out of the property so that inserting does not copy the table.
        // A page with no values while the dictionary is still empty goes out in the fallback encoding,
        // so an all-null chunk needs no empty dictionary page (fastparquet rejects one).
        guard var table = dictionary.take() else {
            values.encode(valueEncoding, into: &workspace.body)
            return valueEncoding
        }
        guard values.count > 0 || Values.dictionaryCount(table) > 0 else {
            dictionary = table
            values.encode(valueEncoding, into: &workspace.body)
            return valueEncoding
        }
        workspace.dictionaryIndices.removeAll(keepingCapacity: true)
        guard lookUpWhileDictionaryPays(&table) else {
            // Pages before this one hold indices into the dictionary: they need its page.
            // Entries this page added are not referenced, which readers accept.
            if chunkUsesDictionary {
                dictionary = table
                dictionaryIsComplete = true
            }
            values.encode(valueEncoding, into: &workspace.body)
            return valueEncoding
        }
        let entryCount = Values.dictionaryCount(table)
        workspace.dictionaryIndices.withUnsafeBufferPointer {
            RLEHybridEncoder.encodeDictionaryIndices($0, dictionarySize: entryCount, into: &workspace.body)
        }
        dictionary = table
        chunkUsesDictionary = true
        return .dictionaryIndices
    }

    /// Looks the page's values up block by block. Returns false, giving up on the
    /// dictionary for the rest of the chunk, as soon as it takes more memory than its
    /// share, or (while on trial) once it is past its trial size and its entries and
    /// indices take as many bytes as PLAIN.
    private func lookUpWhileDictionaryPays(_ table: inout Values.Dictionary) -> Bool {
        let blockSize = 256
        var looked = 0
        while looked < values.count {
            let end = min(values.count, looked + blockSize)
            values.appendIndices(into: &table, indices: &workspace.dictionaryIndices, positions: looked..<end)
            looked = end
            if Values.dictionaryMemoryByteCount(table) > dictionaryMemoryLimit { return false }
            guard dictionaryOnTrial else { continue }
            let dictionaryBytes = values.dictionaryPlainByteCount(table)
            guard dictionaryBytes >= dictionaryTrialBytes else { continue }
            dictionaryOnTrial = false
            let indexBits = LevelEncoder.bitWidth(of: Values.dictionaryCount(table) - 1)
            let lookedInChunk = trialValueCount + looked
            let plainBytes = trialPlainBytes + values.plainByteCount(prefix: looked)
            if dictionaryBytes + (lookedInChunk * indexBits + 7) / 8 >= plainBytes { return false }
        }
        if dictionaryOnTrial {
            trialValueCount += values.count
            trialPlainBytes += values.plainByteCount
        }
        return true
    }

    /// Writes the dictionary page and stops dictionary encoding for the rest of the
    /// chunk. Reuses the workspace's body, so it runs only after the data page is stored.
    private func emitDictionaryPage() throws(ParquetWriterError) {
        guard let dictionary else { return }
        workspace.body.removeAll(keepingCapacity: true)
        values.encodeDictionaryPlain(dictionary, into: &workspace.body)
        try chunk.setDictionaryPage(body: workspace.body, entryCount: Values.dictionaryCount(dictionary))
        self.dictionary = nil
        dictionaryIsComplete = false
    }

    /// Closes the column chunk: flushes the open page and writes the dictionary page.
    /// The chunk's bytes stay in `chunk` until the row group is written.
    func finishChunk() throws(ParquetWriterError) -> EncodedStatistics? {
        try flushPage()
        // An empty dictionary means no page used the dictionary: no dictionary page.
        if let dictionary, Values.dictionaryCount(dictionary) > 0 { try emitDictionaryPage() }
        return statisticsEnabled
            ? statistics.encoded(nullCount: chunkNullCount, descriptor: descriptor, maxSize: maxStatisticsSize)
            : nil
    }

    /// The closed chunk's ColumnIndex, or nil when it gets none.
    func finishedColumnIndex() -> ColumnIndex? {
        guard writesColumnIndex, var index = columnIndex.columnIndex(descriptor: descriptor) else { return nil }
        index.repetitionLevelHistograms = sizeStatistics.pageRepetitionHistograms
        index.definitionLevelHistograms = sizeStatistics.pageDefinitionHistograms
        return index
    }

    /// The closed chunk's SizeStatistics, and each page's unencoded byte-array bytes.
    func finishedSizeStatistics() -> (chunk: SizeStatistics?, pageByteArrayBytes: [Int64]?) {
        (sizeStatistics.chunkStatistics, sizeStatistics.pageUnencodedByteArrayBytes)
    }

    /// Drops the open page and the chunk's pages, for a row group that cannot be written.
    func discardChunk() {
        values.removeAll()
        definitionLevels.removeAll()
        repetitionLevels.removeAll()
        levelsDeferred = descriptor.maxRepetitionLevel == 0
        rowsInPage = 0
        startNextChunk()
    }

    /// Gives back every buffer, once the file is complete.
    func releaseStorage() {
        values.releaseStorage()
        definitionLevels.releaseStorage()
        repetitionLevels.releaseStorage()
        rowsInPage = 0
        chunk.releaseStorage()
        columnIndex.releaseStorage()
        sizeStatistics.reset()
        statistics.reset()
        dictionary = nil
        bloomFilter = nil
    }

    /// Prepares for the next row group, keeping buffer capacity.
    func startNextChunk() {
        chunk.reset()
        columnIndex.reset()
        sizeStatistics.reset()
        statistics.reset()
        chunkNullCount = 0
        bloomFilter?.reset()
        dictionaryOnTrial = triesDictionary
        trialValueCount = 0
        trialPlainBytes = 0
        chunkUsesDictionary = false
        dictionary = usesDictionary ? Values.makeDictionary(typeLength: descriptor.typeLength) : nil
    }
}
