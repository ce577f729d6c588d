import ParquetCompression
import ParquetFormat

/// The encoded pages of one column chunk and the totals its metadata needs.
///
/// Pages are compressed as they close and kept, headers included, until the row
/// group is written; the dictionary page is kept apart so it can go first.
struct ColumnChunkAssembler {
    let descriptor: ColumnDescriptor
    let codec: ParquetFormat.CompressionCodec
    let dataPageVersion: DataPageVersion
    let writesChecksums: Bool
    /// Whether each data page's location is kept for the chunk's OffsetIndex.
    let recordsPageLocations: Bool
    private let compression: Compression
    private(set) var dictionaryPage: [UInt8] = []
    /// The data pages kept in memory, each with its header, in order; each is its own
    /// allocation of exactly its size, so memory is what the pages take.
    private var pagesInMemory: [[UInt8]] = []
    /// Bytes of `pagesInMemory`.
    private(set) var inMemoryByteCount = 0
    /// The data pages moved to the spill file, in order, ahead of `pagesInMemory`.
    private var spilledSegments: [SpillSegment] = []
    private var spilledByteCount = 0
    private(set) var valueCount: Int64 = 0
    private(set) var uncompressedSize: Int64 = 0
    private(set) var compressedSize: Int64 = 0
    private var dictionaryEntryCount: Int?
    private var dataPagesByEncoding: [PageValueEncoding: Int32] = [:]
    /// Encodings in first-use order, for ColumnMetaData.encodings.
    private var valueEncodings: [PageValueEncoding] = []
    /// The data pages' locations, with offsets counted from the first data page.
    private var pageLocations: [PageLocation] = []
    private var rowCount: Int64 = 0

    init(
        descriptor: ColumnDescriptor, compression: Compression, dataPageVersion: DataPageVersion,
        writesChecksums: Bool, recordsPageLocations: Bool
    ) {
        self.recordsPageLocations = recordsPageLocations
        self.descriptor = descriptor
        self.codec = compression.codec
        self.dataPageVersion = dataPageVersion
        self.writesChecksums = writesChecksums
        self.compression = compression
    }

    /// Bytes of the chunk's encoded pages, wherever they are held.
    var bufferedByteCount: Int { dictionaryPage.count &+ dataPagesByteCount }
    /// Bytes of the data pages, in memory and spilled.
    var dataPagesByteCount: Int { spilledByteCount &+ inMemoryByteCount }
    var hasDictionaryPage: Bool { dictionaryEntryCount != nil }

    /// Compresses and stores a data page whose `body` holds its levels, then its values,
    /// using `workspace`'s compressor and buffers.
    mutating func appendDataPage(
        body: [UInt8], page: DataPageCounts, encoding: PageValueEncoding, workspace: PageWorkspace
    ) throws(ParquetWriterError) {
        let pageHeader: PageHeader
        let storedBody: [UInt8]
        switch dataPageVersion {
        case .v1:
            storedBody = try compress(body, keepingPrefix: 0, workspace: workspace)
            pageHeader = PageHeader(
                type: .dataPage,
                uncompressedPageSize: Int32(body.count),
                compressedPageSize: Int32(storedBody.count),
                dataPageHeader: DataPageHeader(
                    numValues: Int32(page.valueCount),
                    encoding: encoding.format,
                    definitionLevelEncoding: .rle,
                    repetitionLevelEncoding: .rle))
        case .v2:
            // Levels stay uncompressed; only the values after them go through the codec.
            let levelByteCount = page.repetitionLevelByteCount + page.definitionLevelByteCount
            storedBody = try compress(body, keepingPrefix: levelByteCount, workspace: workspace)
            pageHeader = PageHeader(
                type: .dataPageV2,
                uncompressedPageSize: Int32(body.count),
                compressedPageSize: Int32(storedBody.count),
                dataPageHeaderV2: DataPageHeaderV2(
                    numValues: Int32(page.valueCount),
                    numNulls: Int32(page.nullCount),
                    numRows: Int32(page.rowCount),
                    encoding: encoding.format,
                    definitionLevelsByteLength: Int32(page.definitionLevelByteCount),
                    repetitionLevelsByteLength: Int32(page.repetitionLevelByteCount),
                    isCompressed: codec != .uncompressed))
        }
        let storedPage = encodedPage(
            pageHeader, body: storedBody, uncompressedBodySize: body.count, header: &workspace.header)
        if recordsPageLocations {
            pageLocations.append(
                PageLocation(
                    offset: Int64(dataPagesByteCount), compressedPageSize: Int32(storedPage.count),
                    firstRowIndex: rowCount))
        }
        pagesInMemory.append(storedPage)
        inMemoryByteCount += storedPage.count
        rowCount += Int64(page.rowCount)
        valueCount += Int64(page.valueCount)
        if dataPagesByEncoding[encoding] == nil { valueEncodings.append(encoding) }
        dataPagesByEncoding[encoding, default: 0] += 1
    }

    mutating func setDictionaryPage(
        body: [UInt8], entryCount: Int, workspace: PageWorkspace
    ) throws(ParquetWriterError) {
        let compressedBody = try compress(body, keepingPrefix: 0, workspace: workspace)
        let pageHeader = PageHeader(
            type: .dictionaryPage,
            uncompressedPageSize: Int32(body.count),
            compressedPageSize: Int32(compressedBody.count),
            dictionaryPageHeader: DictionaryPageHeader(numValues: Int32(entryCount), encoding: .plain))
        dictionaryPage = encodedPage(
            pageHeader, body: compressedBody, uncompressedBodySize: body.count, header: &workspace.header)
        dictionaryEntryCount = entryCount
    }

    /// The page bytes as stored: the first `prefix` bytes of `body` as they are, the rest compressed.
    private func compress(
        _ body: [UInt8], keepingPrefix prefix: Int, workspace: PageWorkspace
    ) throws(ParquetWriterError) -> [UInt8] {
        guard codec != .uncompressed else { return body }
        let compressor = try workspace.compressor(for: compression, column: descriptor.name)
        workspace.compressed.removeAll(keepingCapacity: true)
        workspace.compressed.append(contentsOf: body[0..<prefix])
        do {
            try body.withUnsafeBytes {
                try compressor.compress(
                    UnsafeRawBufferPointer(rebasing: $0[prefix...]), appendingTo: &workspace.compressed)
            }
        } catch {
            throw .compressionFailed(column: descriptor.name, message: "\(error)")
        }
        return workspace.compressed
    }

    /// The page's header and stored body, as they go to the file.
    private mutating func encodedPage(
        _ pageHeader: PageHeader, body: [UInt8], uncompressedBodySize: Int, header: inout CompactEncoder
    ) -> [UInt8] {
        var pageHeader = pageHeader
        if writesChecksums {
            pageHeader.crc = Int32(bitPattern: body.withUnsafeBytes { CRC32.checksum($0) })
        }
        header.reset()
        pageHeader.encode(to: &header)
        let headerBytes = header.bytes
        var page: [UInt8] = []
        page.reserveCapacity(headerBytes.count + body.count)
        page.append(contentsOf: headerBytes)
        page.append(contentsOf: body)
        uncompressedSize += Int64(headerBytes.count + uncompressedBodySize)
        compressedSize += Int64(headerBytes.count + body.count)
        return page
    }

    /// Moves the data pages held in memory to `file`, as one segment.
    mutating func spill(to file: SpillFile) throws(ParquetWriterError) {
        guard !pagesInMemory.isEmpty else { return }
        var segment = SpillSegment(offset: file.byteCount, length: 0)
        for page in pagesInMemory {
            try page.withUnsafeBufferPointer { (bytes) throws(ParquetWriterError) in
                segment.length += try file.append(UnsafeRawBufferPointer(bytes)).length
            }
        }
        if let last = spilledSegments.last, last.offset + Int64(last.length) == segment.offset {
            spilledSegments[spilledSegments.count - 1].length += segment.length
        } else {
            spilledSegments.append(segment)
        }
        spilledByteCount += segment.length
        pagesInMemory.removeAll()
        inMemoryByteCount = 0
    }

    /// Passes the chunk's bytes, dictionary page first, then the data pages from
    /// `spillFile` and from memory, to `write`.
    func writePages(
        from spillFile: SpillFile, to write: (UnsafeRawBufferPointer) throws(ParquetWriterError) -> Void
    ) throws(ParquetWriterError) {
        // `withUnsafeBufferPointer`, unlike `withUnsafeBytes`, keeps the error's type.
        try dictionaryPage.withUnsafeBufferPointer { (bytes) throws(ParquetWriterError) in
            try write(UnsafeRawBufferPointer(bytes))
        }
        for segment in spilledSegments { try spillFile.read(segment, into: write) }
        for page in pagesInMemory {
            try page.withUnsafeBufferPointer { (bytes) throws(ParquetWriterError) in
                try write(UnsafeRawBufferPointer(bytes))
            }
        }
    }

    /// The chunk's metadata, for a chunk whose first byte lands at `fileOffset`.
    func metadata(fileOffset: Int64, statistics: EncodedStatistics?, sizeStatistics: SizeStatistics?) -> ColumnChunk {
        var encodings: [Encoding] = []
        var encodingStats: [PageEncodingStats] = []
        if hasDictionaryPage {
            encodings.append(.plain)
            encodingStats.append(PageEncodingStats(pageType: .dictionaryPage, encoding: .plain, count: 1))
        }
        if descriptor.maxDefinitionLevel > 0 { encodings.append(.rle) }
        for encoding in valueEncodings {
            if !encodings.contains(encoding.format) { encodings.append(encoding.format) }
            // Version 2 data pages are counted as DATA_PAGE too, as parquet-mr and Arrow count them.
            encodingStats.append(
                PageEncodingStats(
                    pageType: .dataPage, encoding: encoding.format, count: dataPagesByEncoding[encoding]!))
        }
        let dataPageOffset = fileOffset + Int64(dictionaryPage.count)
        let meta = ColumnMetaData(
            type: descriptor.formatPhysicalType,
            encodings: encodings,
            pathInSchema: descriptor.path,
            codec: codec,
            numValues: valueCount,
            totalUncompressedSize: uncompressedSize,
            totalCompressedSize: compressedSize,
            dataPageOffset: dataPageOffset,
            dictionaryPageOffset: hasDictionaryPage ? fileOffset : nil,
            statistics: statistics.map(Statistics.init),
            encodingStats: encodingStats,
            sizeStatistics: sizeStatistics)
        return ColumnChunk(fileOffset: fileOffset, metaData: meta)
    }

    /// The chunk's OffsetIndex, for a chunk whose first data page lands at `dataPageOffset`.
    func offsetIndex(dataPageOffset: Int64) -> OffsetIndex {
        OffsetIndex(
            pageLocations: pageLocations.map {
                PageLocation(
                    offset: dataPageOffset + $0.offset, compressedPageSize: $0.compressedPageSize,
                    firstRowIndex: $0.firstRowIndex)
            })
    }

    /// Empties the chunk and gives back every buffer, once the file is complete.
    mutating func releaseStorage() {
        reset()
        pageLocations = []
        dataPagesByEncoding = [:]
        valueEncodings = []
    }

    mutating func reset() {
        pageLocations.removeAll(keepingCapacity: true)
        rowCount = 0
        dictionaryPage = []
        pagesInMemory.removeAll()
        inMemoryByteCount = 0
        spilledSegments.removeAll()
        spilledByteCount = 0
        valueCount = 0
        uncompressedSize = 0
        compressedSize = 0
        dictionaryEntryCount = nil
        dataPagesByEncoding.removeAll(keepingCapacity: true)
        valueEncodings.removeAll(keepingCapacity: true)
    }
}
