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
    private let compressor: PageCompressor
    private let workspace: PageWorkspace
    private(set) var dictionaryPage: [UInt8] = []
    private(set) var dataPages: [UInt8] = []
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
        writesChecksums: Bool, recordsPageLocations: Bool, workspace: PageWorkspace
    ) throws(ParquetWriterError) {
        self.recordsPageLocations = recordsPageLocations
        self.descriptor = descriptor
        self.codec = compression.formatCodec
        self.dataPageVersion = dataPageVersion
        self.writesChecksums = writesChecksums
        self.workspace = workspace
        self.compressor = try workspace.compressor(for: compression, column: descriptor.name)
    }

    var bufferedByteCount: Int { dictionaryPage.count &+ dataPages.count }
    var hasDictionaryPage: Bool { dictionaryEntryCount != nil }

    /// Compresses and stores a data page whose `body` holds its levels, then its values.
    mutating func appendDataPage(
        body: [UInt8], page: DataPageCounts, encoding: PageValueEncoding
    ) throws(ParquetWriterError) {
        let pageHeader: PageHeader
        let storedBody: [UInt8]
        switch dataPageVersion {
        case .v1:
            storedBody = try compress(body, keepingPrefix: 0)
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
            storedBody = try compress(body, keepingPrefix: levelByteCount)
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
        let pageStart = dataPages.count
        append(pageHeader, body: storedBody, uncompressedBodySize: body.count, to: \.dataPages)
        if recordsPageLocations {
            pageLocations.append(PageLocation(
                offset: Int64(pageStart), compressedPageSize: Int32(dataPages.count - pageStart),
                firstRowIndex: rowCount))
        }
        rowCount += Int64(page.rowCount)
        valueCount += Int64(page.valueCount)
        if dataPagesByEncoding[encoding] == nil { valueEncodings.append(encoding) }
        dataPagesByEncoding[encoding, default: 0] += 1
    }

    mutating func setDictionaryPage(body: [UInt8], entryCount: Int) throws(ParquetWriterError) {
        let compressedBody = try compress(body, keepingPrefix: 0)
        let pageHeader = PageHeader(
            type: .dictionaryPage,
            uncompressedPageSize: Int32(body.count),
            compressedPageSize: Int32(compressedBody.count),
            dictionaryPageHeader: DictionaryPageHeader(numValues: Int32(entryCount), encoding: .plain))
        append(pageHeader, body: compressedBody, uncompressedBodySize: body.count, to: \.dictionaryPage)
        dictionaryEntryCount = entryCount
    }

    /// The page bytes as stored: the first `prefix` bytes of `body` as they are, the rest compressed.
    private func compress(_ body: [UInt8], keepingPrefix prefix: Int) throws(ParquetWriterError) -> [UInt8] {
        guard codec != .uncompressed else { return body }
        workspace.compressed.removeAll(keepingCapacity: true)
        workspace.compressed.append(contentsOf: body[0..<prefix])
        do {
            try body.withUnsafeBytes {
                try compressor.compress(UnsafeRawBufferPointer(rebasing: $0[prefix...]), appendingTo: &workspace.compressed)
            }
        } catch {
            throw .compressionFailed(column: descriptor.name, message: "\(error)")
        }
        return workspace.compressed
    }

    private mutating func append(
        _ pageHeader: PageHeader, body: [UInt8], uncompressedBodySize: Int, to pages: WritableKeyPath<Self, [UInt8]>
    ) {
        var pageHeader = pageHeader
        if writesChecksums {
            pageHeader.crc = Int32(bitPattern: body.withUnsafeBytes { CRC32.checksum($0) })
        }
        workspace.header.reset()
        pageHeader.encode(to: &workspace.header)
        let headerBytes = workspace.header.bytes
        self[keyPath: pages].append(contentsOf: headerBytes)
        self[keyPath: pages].append(contentsOf: body)
        uncompressedSize += Int64(headerBytes.count + uncompressedBodySize)
        compressedSize += Int64(headerBytes.count + body.count)
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
            encodingStats.append(PageEncodingStats(
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
        OffsetIndex(pageLocations: pageLocations.map {
            PageLocation(offset: dataPageOffset + $0.offset, compressedPageSize: $0.compressedPageSize, firstRowIndex: $0.firstRowIndex)
        })
    }

    mutating func reset() {
        pageLocations.removeAll(keepingCapacity: true)
        rowCount = 0
        dictionaryPage.removeAll(keepingCapacity: true)
        dataPages.removeAll(keepingCapacity: true)
        valueCount = 0
        uncompressedSize = 0
        compressedSize = 0
        dictionaryEntryCount = nil
        dataPagesByEncoding.removeAll(keepingCapacity: true)
        valueEncodings.removeAll(keepingCapacity: true)
    }
}
