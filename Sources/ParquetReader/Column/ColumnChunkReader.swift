import ParquetCompression
import ParquetEncoding
import ParquetFormat

/// Reads one column chunk page by page: decodes each page header, checks its CRC,
/// decompresses it, and decodes its levels and values into buffers that grow by one page
/// at a time. Memory is bounded by the chunk.
///
/// Use ``nextPage()`` to walk the pages (for inspection), or ``readAll()`` to decode the
/// whole chunk. An instance belongs to one task.
public final class ColumnChunkReader {
    /// The leaf column being read.
    public let column: LeafColumn
    /// The row group the chunk belongs to.
    public let rowGroupIndex: Int
    /// The chunk's metadata from the footer.
    public let metadata: ColumnMetaData
    /// File offset of the chunk's first page.
    public let fileOffset: Int
    /// Whether a page whose CRC does not match is an error (the default) rather than only
    /// being reported in ``PageInfo/checksum``.
    public var verifiesChecksums = true

    private let chunk: [UInt8]
    private let decompressor: PageDecompressor
    private let values: any PageValueDecoder
    private var position = 0
    private var entriesRead = 0
    private var pageIndex = 0
    private var definitionLevels: [UInt8] = []
    private var repetitionLevels: [UInt8] = []
    private var pageBuffer: [UInt8] = []

    init(
        column: LeafColumn, rowGroupIndex: Int, metadata: ColumnMetaData, fileOffset: Int, bytes: [UInt8],
        decompressor: PageDecompressor
    ) {
        self.column = column
        self.rowGroupIndex = rowGroupIndex
        self.metadata = metadata
        self.fileOffset = fileOffset
        self.chunk = bytes
        self.decompressor = decompressor
        self.values = column.makeValueDecoder()
    }

    /// Whether every entry the metadata announces has been read.
    public var isFinished: Bool { Int64(entriesRead) >= metadata.numValues }

    /// Bytes of the chunk after the last page read (non-zero at the end means the chunk's
    /// declared size is larger than its pages).
    public var unreadByteCount: Int { chunk.count - position }

    /// Reads, checks and decodes the next page, or returns nil after the last one.
    public func nextPage() throws(ParquetReaderError) -> PageInfo? {
        guard !isFinished else { return nil }
        let headerOffset = fileOffset + position
        let structure = describe(page: pageIndex, type: nil)
        guard position < chunk.count else {
            throw ParquetReaderError(
                offset: headerOffset, structure: "row group \(rowGroupIndex), column \(column.dottedPath)",
                message: "the chunk's \(chunk.count) bytes end after \(entriesRead) of its \(metadata.numValues) values"
            )
        }
        let header: PageHeader
        let headerSize: Int
        do {
            (header, headerSize) = try PageHeader.decode(chunk, at: position)
        } catch {
            throw ParquetReaderError(error, base: fileOffset, structure: structure + " header")
        }
        let bodyStart = position + headerSize
        let bodySize = Int(header.compressedPageSize)
        guard bodySize >= 0, bodySize <= chunk.count - bodyStart, header.uncompressedPageSize >= 0 else {
            throw ParquetReaderError(
                offset: headerOffset, structure: structure + " header",
                message:
                    "page sizes (compressed \(header.compressedPageSize), uncompressed \(header.uncompressedPageSize)) "
                    + "do not fit the \(chunk.count - bodyStart) bytes left in the chunk")
        }
        let info = try chunk.withUnsafeBufferPointer { (bytes) throws(ParquetReaderError) -> PageInfo in
            let body = UnsafeRawBufferPointer(
                rebasing: UnsafeRawBufferPointer(bytes)[bodyStart..<(bodyStart + bodySize)])
            let checksum = PageChecksum.verify(body, stored: header.crc)
            if verifiesChecksums, case .invalid(let stored, let computed) = checksum {
                throw ParquetReaderError(
                    offset: headerOffset, structure: describe(page: pageIndex, type: header.type),
                    message: "CRC mismatch: header says \(hex(stored)), page bytes give \(hex(computed))")
            }
            let page = PageLocation(index: pageIndex, headerOffset: headerOffset, bodyOffset: fileOffset + bodyStart)
            do throws(ParquetReaderError) {
                return try decode(page, header: header, headerSize: headerSize, body: body, checksum: checksum)
            } catch {
                guard case .invalid = checksum else { throw error }
                var annotated = error
                annotated.message += "; the page's CRC does not match either, so its bytes are corrupt"
                throw annotated
            }
        }
        position = bodyStart + bodySize
        pageIndex += 1
        return info
    }

    /// Reads every remaining page and returns the decoded chunk.
    public func readAll() throws(ParquetReaderError) -> ColumnChunkData {
        while try nextPage() != nil {}
        return takeData()
    }

    /// The levels and values decoded so far; the reader's buffers are empty afterwards.
    public func takeData() -> ColumnChunkData {
        defer {
            definitionLevels = []
            repetitionLevels = []
        }
        return ColumnChunkData(
            column: column, definitionLevels: definitionLevels, repetitionLevels: repetitionLevels,
            values: values.takeValues(), entryCount: entriesRead)
    }

    // MARK: - Pages

    private struct PageLocation {
        let index: Int
        let headerOffset: Int
        let bodyOffset: Int
    }

    private func decode(
        _ page: PageLocation, header: PageHeader, headerSize: Int, body: UnsafeRawBufferPointer, checksum: PageChecksum
    ) throws(ParquetReaderError) -> PageInfo {
        let levelStart = entriesRead
        let valueStart = values.count
        var dictionarySize: Int?
        switch header.type {
        case .dictionaryPage:
            guard let dictionaryHeader = header.dictionaryPageHeader else {
                throw missingHeader(page, header, "dictionary_page_header")
            }
            guard page.index == 0, values.dictionarySize == nil else {
                throw failure(page, header, DecodingFailure(at: 0, "a dictionary page must be the chunk's first page"))
            }
            let count = Int(dictionaryHeader.numValues)
            guard count >= 0, dictionaryHeader.encoding == .plain || dictionaryHeader.encoding == .plainDictionary
            else {
                throw failure(
                    page, header,
                    DecodingFailure(
                        at: 0, "dictionary of \(count) entries in \(dictionaryHeader.encoding); expected PLAIN"))
            }
            let decoded = try decompress(body, uncompressedSize: Int(header.uncompressedPageSize), page, header)
            try withFailureContext(page, header, compressed: decoded != nil) { () throws(DecodingFailure) in
                try withPageBytes(decoded, else: body) { input throws(DecodingFailure) in
                    try values.setDictionary(input, count: count)
                }
            }
            dictionarySize = count
        case .dataPage:
            guard let dataHeader = header.dataPageHeader else { throw missingHeader(page, header, "data_page_header") }
            let count = try entryCount(dataHeader.numValues, page, header)
            let decoded = try decompress(body, uncompressedSize: Int(header.uncompressedPageSize), page, header)
            try withFailureContext(page, header, compressed: decoded != nil) { () throws(DecodingFailure) in
                try withPageBytes(decoded, else: body) { input throws(DecodingFailure) in
                    var offset = 0
                    if column.maxRepetitionLevel > 0 {
                        try LevelDecoding.decodeVersion1(
                            input, at: &offset, encoding: dataHeader.repetitionLevelEncoding,
                            maxLevel: column.maxRepetitionLevel, count: count, into: &repetitionLevels)
                    }
                    if column.maxDefinitionLevel > 0 {
                        try LevelDecoding.decodeVersion1(
                            input, at: &offset, encoding: dataHeader.definitionLevelEncoding,
                            maxLevel: column.maxDefinitionLevel, count: count, into: &definitionLevels)
                    }
                    try values.append(
                        UnsafeRawBufferPointer(rebasing: input[offset...]), encoding: dataHeader.encoding,
                        count: nonNullCount(count))
                }
            }
            entriesRead += count
        case .dataPageV2:
            guard let dataHeader = header.dataPageHeaderV2 else {
                throw missingHeader(page, header, "data_page_header_v2")
            }
            let count = try entryCount(dataHeader.numValues, page, header)
            let repetitionSize = Int(dataHeader.repetitionLevelsByteLength)
            let definitionSize = Int(dataHeader.definitionLevelsByteLength)
            guard repetitionSize >= 0, definitionSize >= 0, repetitionSize + definitionSize <= body.count,
                repetitionSize + definitionSize <= Int(header.uncompressedPageSize)
            else {
                throw failure(
                    page, header,
                    DecodingFailure(
                        at: 0, "level sections of \(repetitionSize) and \(definitionSize) bytes overrun the page"))
            }
            try withFailureContext(page, header, compressed: false) { () throws(DecodingFailure) in
                if column.maxRepetitionLevel > 0 {
                    try LevelDecoding.decodeRLE(
                        UnsafeRawBufferPointer(rebasing: body[0..<repetitionSize]), base: 0,
                        maxLevel: column.maxRepetitionLevel, count: count, into: &repetitionLevels)
                }
                if column.maxDefinitionLevel > 0 {
                    try LevelDecoding.decodeRLE(
                        UnsafeRawBufferPointer(rebasing: body[repetitionSize..<(repetitionSize + definitionSize)]),
                        base: repetitionSize, maxLevel: column.maxDefinitionLevel, count: count, into: &definitionLevels
                    )
                }
            }
            let valuesStart = repetitionSize + definitionSize
            let rawValues = UnsafeRawBufferPointer(rebasing: body[valuesStart...])
            let decoded =
                dataHeader.isCompressed == false
                ? nil
                : try decompress(
                    rawValues, uncompressedSize: Int(header.uncompressedPageSize) - valuesStart, page, header)
            try withFailureContext(page, header, compressed: decoded != nil, base: decoded == nil ? valuesStart : 0) {
                () throws(DecodingFailure) in
                try withPageBytes(decoded, else: rawValues) { input throws(DecodingFailure) in
                    try values.append(input, encoding: dataHeader.encoding, count: nonNullCount(count))
                }
            }
            entriesRead += count
        default:
            // Index pages and page types from newer writers carry nothing to decode.
            break
        }
        let levels = levelStart..<entriesRead
        return PageInfo(
            index: page.index, offset: page.headerOffset, headerSize: headerSize, header: header, checksum: checksum,
            levels: levels, values: valueStart..<values.count,
            nullCount: levels.count - (values.count - valueStart),
            rowCount: rowCount(in: levels), dictionarySize: dictionarySize)
    }

    /// The page's entry count, which may not run past the chunk's declared total.
    private func entryCount(_ declared: Int32, _ page: PageLocation, _ header: PageHeader) throws(ParquetReaderError)
        -> Int
    {
        let remaining = metadata.numValues - Int64(entriesRead)
        guard declared >= 0, Int64(declared) <= remaining else {
            throw failure(
                page, header,
                DecodingFailure(
                    at: 0, "num_values \(declared) exceeds the \(remaining) values the chunk has left"))
        }
        return Int(declared)
    }

    /// Entries of the page just decoded whose definition level is the maximum.
    private func nonNullCount(_ count: Int) -> Int {
        guard column.maxDefinitionLevel > 0 else { return count }
        let maximum = UInt8(column.maxDefinitionLevel)
        var present = 0
        for level in definitionLevels[(definitionLevels.count - count)...] where level == maximum {
            present += 1
        }
        return present
    }

    private func rowCount(in levels: Range<Int>) -> Int {
        guard column.maxRepetitionLevel > 0 else { return levels.count }
        var rows = 0
        for level in repetitionLevels[levels] where level == 0 {
            rows += 1
        }
        return rows
    }

    /// Decompresses a page body into the reused page buffer, or returns nil when the
    /// chunk is uncompressed and the body can be decoded in place.
    private func decompress(
        _ body: UnsafeRawBufferPointer, uncompressedSize: Int, _ page: PageLocation, _ header: PageHeader
    ) throws(ParquetReaderError) -> [UInt8]? {
        let codec = metadata.codec
        guard PageDecompressor.decompressibleCodecs.contains(codec) else {
            throw ParquetReaderError(
                offset: page.headerOffset, structure: describe(page: page.index, type: header.type),
                message: "unsupported compression codec \(codec)")
        }
        if codec == .uncompressed {
            return nil
        }
        pageBuffer.removeAll(keepingCapacity: true)
        do {
            try decompressor.decompress(
                body, codec: codec, uncompressedSize: uncompressedSize, appendingTo: &pageBuffer)
        } catch {
            throw ParquetReaderError(
                offset: page.bodyOffset, structure: describe(page: page.index, type: header.type),
                message: error.description)
        }
        return pageBuffer
    }

    /// Runs `body`, turning a decoding failure into an error with a file position: exact
    /// for uncompressed bytes, relative to the decompressed body otherwise.
    private func withFailureContext(
        _ page: PageLocation, _ header: PageHeader, compressed: Bool, base: Int = 0,
        _ body: () throws(DecodingFailure) -> Void
    ) throws(ParquetReaderError) {
        do {
            try body()
        } catch {
            if compressed {
                throw failure(
                    page, header,
                    DecodingFailure(
                        at: 0, "\(error.message) (at byte \(base + error.offset) of the decompressed page)"))
            }
            throw ParquetReaderError(
                offset: page.bodyOffset + base + error.offset, structure: describe(page: page.index, type: header.type),
                message: error.message)
        }
    }

    private func failure(_ page: PageLocation, _ header: PageHeader, _ failure: DecodingFailure) -> ParquetReaderError {
        ParquetReaderError(
            offset: page.headerOffset + failure.offset, structure: describe(page: page.index, type: header.type),
            message: failure.message)
    }

    private func missingHeader(_ page: PageLocation, _ header: PageHeader, _ field: String) -> ParquetReaderError {
        ParquetReaderError(
            offset: page.headerOffset, structure: describe(page: page.index, type: header.type) + " header",
            message: "a \(header.type) page header without \(field)")
    }

    private func describe(page: Int, type: PageType?) -> String {
        var text = "row group \(rowGroupIndex), column \(column.dottedPath), page \(page)"
        if let type {
            text += " (\(type))"
        }
        return text
    }

    private func hex(_ value: UInt32) -> String {
        "0x" + String(value, radix: 16)
    }
}

/// Runs `body` over a decompressed page when there is one, else over the raw bytes.
private func withPageBytes<Failure: Error>(
    _ decoded: [UInt8]?, else raw: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws(Failure) -> Void
) throws(Failure) {
    if let decoded {
        try decoded.withUnsafeBufferPointer { (bytes) throws(Failure) in try body(UnsafeRawBufferPointer(bytes)) }
    } else {
        try body(raw)
    }
}
