/// Buffers one column's cells for the open data page and turns full pages into
/// encoded, compressed bytes of the column chunk.
///
/// The open page keeps raw values (not yet encoded) so that a rejected row can be
/// rolled back by dropping its last cell. Pages close only between rows.
final class ColumnWriter<Values: ColumnValues> {
    let descriptor: ColumnDescriptor
    @exclusivity(unchecked) var values: Values
    /// One definition level per row of the open page; empty for REQUIRED columns.
    @exclusivity(unchecked) var definitionLevels: [UInt8] = []
    private(set) var nullsInPage = 0

    private let usesDictionary: Bool
    private var dictionary: Values.Dictionary?
    private var dictionaryIndices: [UInt32] = []
    private var statistics = Values.Statistics()
    private var chunkNullCount: Int64 = 0
    private let statisticsEnabled: Bool
    private let maxStatisticsSize: Int
    private let dictionaryPageSizeLimit: Int
    private var pageBody: [UInt8] = []
    private(set) var chunk: ColumnChunkAssembler

    init(descriptor: ColumnDescriptor, values: Values, options: WriterOptions) throws(ParquetWriterError) {
        self.descriptor = descriptor
        self.values = values
        let encoding = options.resolvedEncoding(descriptor.name)
        self.usesDictionary = encoding == .dictionary
        self.statisticsEnabled = options.resolvedStatistics(descriptor.name)
        self.maxStatisticsSize = options.maxStatisticsSize
        self.dictionaryPageSizeLimit = options.dictionaryPageSizeLimit
        self.chunk = try ColumnChunkAssembler(descriptor: descriptor, compression: options.resolvedCompression(descriptor.name))
        self.dictionary = usesDictionary ? Values.makeDictionary(typeLength: descriptor.typeLength) : nil
    }

    /// Rows in the open page.
    var rowsInPage: Int { descriptor.isRequired ? values.count : definitionLevels.count }

    /// Bytes the open page's values and levels take before encoding.
    var bufferedByteCount: Int { values.plainByteCount &+ definitionLevels.count }

    /// Bytes of encoded pages held for this chunk, plus the open page's estimate.
    var estimatedChunkByteCount: Int { chunk.bufferedByteCount &+ bufferedByteCount }

    @inline(__always)
    func appendDefinedLevel() {
        if !descriptor.isRequired { definitionLevels.append(1) }
    }

    /// Records a null; the caller has checked that the column is OPTIONAL.
    @inline(__always)
    func appendNull() {
        definitionLevels.append(0)
        nullsInPage &+= 1
    }

    /// Drops the last cell appended, value or null.
    func removeLastCell() {
        if descriptor.isRequired {
            values.removeLast()
        } else if definitionLevels.removeLast() == 0 {
            nullsInPage -= 1
        } else {
            values.removeLast()
        }
    }

    /// Encodes, compresses and stores the open page, if it holds any rows.
    func flushPage() throws(ParquetWriterError) {
        let rowCount = rowsInPage
        guard rowCount > 0 else { return }
        pageBody.removeAll(keepingCapacity: true)
        if !descriptor.isRequired {
            DefinitionLevelEncoder.appendLengthPrefixed(definitionLevels, maxLevel: 1, to: &pageBody)
        }
        let encoding = try encodeValues()
        if statisticsEnabled { values.accumulate(into: &statistics) }
        chunkNullCount += Int64(nullsInPage)
        try chunk.appendDataPage(body: pageBody, valueCount: rowCount, encoding: encoding)
        if let dictionary, values.dictionaryPlainByteCount(dictionary) > dictionaryPageSizeLimit {
            // Past its limit: the dictionary is written now and later pages fall back to PLAIN.
            try emitDictionaryPage()
        }
        values.removeAll()
        definitionLevels.removeAll(keepingCapacity: true)
        nullsInPage = 0
    }

    /// Appends the open page's values to `pageBody`: dictionary indices while the
    /// dictionary is within its limit, PLAIN after the chunk has fallen back.
    private func encodeValues() throws(ParquetWriterError) -> PageValueEncoding {
        // Taken out of the property so that inserting does not copy the table.
        // A page with no values while the dictionary is still empty goes out PLAIN,
        // so an all-null chunk needs no empty dictionary page (fastparquet rejects one).
        guard var table = dictionary.take() else {
            values.encodePlain(into: &pageBody)
            return .plain
        }
        guard values.count > 0 || Values.dictionaryCount(table) > 0 else {
            dictionary = table
            values.encodePlain(into: &pageBody)
            return .plain
        }
        dictionaryIndices.removeAll(keepingCapacity: true)
        values.appendIndices(into: &table, indices: &dictionaryIndices)
        let entryCount = Values.dictionaryCount(table)
        dictionaryIndices.withUnsafeBufferPointer {
            RLEHybridEncoder.encodeDictionaryIndices($0, dictionarySize: entryCount, into: &pageBody)
        }
        dictionary = table
        return .dictionaryIndices
    }

    /// Writes the dictionary page and stops dictionary encoding for the rest of the
    /// chunk. Reuses `pageBody`, so it runs only after the data page is stored.
    private func emitDictionaryPage() throws(ParquetWriterError) {
        guard let dictionary else { return }
        pageBody.removeAll(keepingCapacity: true)
        values.encodeDictionaryPlain(dictionary, into: &pageBody)
        try chunk.setDictionaryPage(body: pageBody, entryCount: Values.dictionaryCount(dictionary))
        self.dictionary = nil
    }

    /// Closes the column chunk: flushes the open page and writes the dictionary page.
    /// The chunk's bytes stay in `chunk` until the row group is written.
    func finishChunk() throws(ParquetWriterError) -> EncodedStatistics? {
        try flushPage()
        // An empty dictionary means every page went out PLAIN: no dictionary page.
        if let dictionary, Values.dictionaryCount(dictionary) > 0 { try emitDictionaryPage() }
        return statisticsEnabled
            ? statistics.encoded(nullCount: chunkNullCount, descriptor: descriptor, maxSize: maxStatisticsSize)
            : nil
    }

    /// Prepares for the next row group, keeping buffer capacity.
    func startNextChunk() {
        chunk.reset()
        statistics.reset()
        chunkNullCount = 0
        dictionary = usesDictionary ? Values.makeDictionary(typeLength: descriptor.typeLength) : nil
    }
}
