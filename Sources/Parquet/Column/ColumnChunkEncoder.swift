import ParquetEncoding
import ParquetFormat

/// Turns one column's closed pages into the encoded, compressed pages of its column
/// chunk, with the chunk's dictionary, statistics, page index and Bloom filter.
///
/// It is the part of a column that may run on an encoding thread. Its pages arrive in
/// order and are encoded one at a time, by one thread at a time: the thread that owns
/// the column in `PageEncoderPool`, or the appending thread after the pool is idle.
/// What it writes therefore depends only on the column's own pages, whatever the
/// thread count.
final class ColumnChunkEncoder<Values: PageValues> {
    let descriptor: ColumnDescriptor
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
    /// Past this many bytes of memory the dictionary is written out and the chunk falls back.
    private let dictionaryMemoryLimit: Int
    private var dictionary: Values.Dictionary?
    private var statistics = Values.Statistics()
    /// The page's own statistics, while the page index is written.
    private var pageStatistics = Values.Statistics()
    private var columnIndex = ColumnIndexBuilder()
    private var sizeStatistics: SizeStatisticsAccumulator
    /// Whether the chunk gets a ColumnIndex: the page index is on and so are the column's statistics.
    private let writesColumnIndex: Bool
    private var chunkNullCount: Int64 = 0
    /// The chunk's Bloom filter, when the column has one; filled as pages are encoded.
    private(set) var bloomFilter: SplitBlockBloomFilter?
    private let statisticsEnabled: Bool
    private let maxStatisticsSize: Int
    private let dictionaryPageSizeLimit: Int
    private(set) var chunk: ColumnChunkAssembler
    /// The closed chunk's statistics, set by `finishChunk`.
    private(set) var finishedStatistics: EncodedStatistics?

    init(
        descriptor: ColumnDescriptor, options: WriterOptions, plan: WriterMemoryPlan, columnCount: Int
    ) throws(ParquetWriterError) {
        self.descriptor = descriptor
        self.dictionaryMemoryLimit = plan.dictionaryMemoryLimit
        self.sizeStatistics = SizeStatisticsAccumulator(descriptor: descriptor)
        self.maxDefinitionLevel = UInt8(descriptor.maxDefinitionLevel)
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
        self.chunk = ColumnChunkAssembler(
            descriptor: descriptor, compression: options.resolvedCompression(descriptor.name),
            dataPageVersion: options.dataPageVersion, writesChecksums: options.writesPageChecksums,
            recordsPageLocations: options.writesPageIndex)
        self.dictionary = usesDictionary ? Values.makeDictionary(typeLength: descriptor.typeLength) : nil
        self.bloomFilter = options.columnOptions[descriptor.name]?.bloomFilter.map {
            SplitBlockBloomFilter(
                distinctCount: $0.expectedDistinctCount, falsePositiveProbability: $0.falsePositiveProbability)
        }
    }

    /// Bytes this encoder holds: the dictionary and the encoded pages in memory.
    var heldByteCount: Int {
        var count = chunk.inMemoryByteCount + chunk.dictionaryPage.count
        if let dictionary { count += Values.dictionaryMemoryByteCount(dictionary) }
        return count
    }

    /// Encodes, compresses and stores `page`, if it holds any rows, using `workspace`'s buffers.
    func encode(_ page: ClosedPage<Values>, in workspace: PageWorkspace) throws(ParquetWriterError) {
        guard page.rowCount > 0 else { return }
        let values = page.values
        workspace.body.removeAll(keepingCapacity: true)
        // v1 prefixes each level run with its length; v2 keeps the lengths in the header.
        let lengthPrefixed = dataPageVersion == .v1
        if descriptor.maxRepetitionLevel > 0 {
            LevelEncoder.append(
                .stored(page.repetitionLevels), maxLevel: descriptor.maxRepetitionLevel,
                lengthPrefixed: lengthPrefixed, to: &workspace.body)
        }
        let repetitionByteCount = workspace.body.count
        let definition: LevelEncoder.Levels =
            page.levelsDeferred
            ? .run(level: maxDefinitionLevel, count: values.count) : .stored(page.definitionLevels)
        if descriptor.hasDefinitionLevels {
            LevelEncoder.append(
                definition, maxLevel: descriptor.maxDefinitionLevel, lengthPrefixed: lengthPrefixed, to: &workspace.body
            )
        }
        sizeStatistics.addPage(
            repetitionLevels: page.repetitionLevels, definitionLevels: definition,
            byteArrayBytes: values.unencodedByteArrayBytes)
        // The byte lengths go into a v2 header only.
        let levelByteCounts =
            lengthPrefixed
            ? (repetition: 0, definition: 0)
            : (repetition: repetitionByteCount, definition: workspace.body.count - repetitionByteCount)
        let encoding = try encodeValues(values, in: workspace)
        let slotCount = page.slotCount(hasDefinitionLevels: descriptor.hasDefinitionLevels)
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
                valueCount: slotCount, nullCount: nullCount, rowCount: page.rowCount,
                repetitionLevelByteCount: levelByteCounts.repetition,
                definitionLevelByteCount: levelByteCounts.definition),
            encoding: encoding, workspace: workspace)
        if let dictionary, dictionaryIsComplete || values.dictionaryPlainByteCount(dictionary) > dictionaryPageSizeLimit
        {
            // Past its limit: the dictionary is written now and later pages use the fallback encoding.
            try emitDictionaryPage(values, in: workspace)
        }
    }

    /// Appends the page's values to the workspace's body: dictionary indices while the
    /// dictionary pays and fits its limits, the column's non-dictionary encoding otherwise.
    private func encodeValues(_ values: Values, in workspace: PageWorkspace) throws(ParquetWriterError)
        -> PageValueEncoding
    {
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
        guard lookUpWhileDictionaryPays(values, in: &table, indices: &workspace.dictionaryIndices) else {
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
            DictionaryIndices.encode($0, dictionarySize: entryCount, into: &workspace.body)
        }
        dictionary = table
        chunkUsesDictionary = true
        return .dictionaryIndices
    }

    /// Looks the page's values up block by block. Returns false, giving up on the
    /// dictionary for the rest of the chunk, as soon as it takes more memory than its
    /// share, or (while on trial) once it is past its trial size and its entries and
    /// indices take as many bytes as PLAIN.
    private func lookUpWhileDictionaryPays(
        _ values: Values, in table: inout Values.Dictionary, indices: inout [UInt32]
    ) -> Bool {
        let blockSize = 256
        var looked = 0
        while looked < values.count {
            let end = min(values.count, looked + blockSize)
            values.appendIndices(into: &table, indices: &indices, positions: looked..<end)
            looked = end
            if Values.dictionaryMemoryByteCount(table) > dictionaryMemoryLimit { return false }
            guard dictionaryOnTrial else { continue }
            let dictionaryBytes = values.dictionaryPlainByteCount(table)
            guard dictionaryBytes >= dictionaryTrialBytes else { continue }
            dictionaryOnTrial = false
            let indexBits = BitPacking.bitWidth(forMaximumValue: UInt64(Values.dictionaryCount(table) - 1))
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
    /// `values` serves only to reach the type's dictionary encoding.
    private func emitDictionaryPage(_ values: Values, in workspace: PageWorkspace) throws(ParquetWriterError) {
        guard let dictionary else { return }
        workspace.body.removeAll(keepingCapacity: true)
        values.encodeDictionaryPlain(dictionary, into: &workspace.body)
        try chunk.setDictionaryPage(
            body: workspace.body, entryCount: Values.dictionaryCount(dictionary), workspace: workspace)
        self.dictionary = nil
        dictionaryIsComplete = false
    }

    /// Closes the column chunk: encodes its last page and writes the dictionary page,
    /// then keeps the chunk's statistics in `finishedStatistics`. The chunk's bytes stay
    /// in `chunk` until the row group is written.
    func finishChunk(lastPage: ClosedPage<Values>, in workspace: PageWorkspace) throws(ParquetWriterError) {
        try encode(lastPage, in: workspace)
        // An empty dictionary means no page used the dictionary: no dictionary page.
        if let dictionary, Values.dictionaryCount(dictionary) > 0 {
            try emitDictionaryPage(lastPage.values, in: workspace)
        }
        finishedStatistics =
            statisticsEnabled
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

    /// Moves the chunk's encoded data pages held in memory to `file`.
    func spillEncodedPages(to file: SpillFile) throws(ParquetWriterError) { try chunk.spill(to: file) }

    /// Gives back every buffer, once the file is complete.
    func releaseStorage() {
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
        finishedStatistics = nil
        chunkNullCount = 0
        bloomFilter?.reset()
        dictionaryOnTrial = triesDictionary
        trialValueCount = 0
        trialPlainBytes = 0
        chunkUsesDictionary = false
        dictionaryIsComplete = false
        dictionary = usesDictionary ? Values.makeDictionary(typeLength: descriptor.typeLength) : nil
    }
}
