import ParquetCompression
import ParquetFormat
import ParquetReader

/// Checks one column chunk: that every page decodes, CRCs, sizes and offsets against the
/// metadata, encodings and encoding stats, statistics against the data, and the page
/// index against the pages.
struct ChunkCheck {
    let context: DumpContext
    let rowGroup: Int
    let leaf: Int
    let decompressor: PageDecompressor

    private var column: LeafColumn { context.schema.leaves[leaf] }
    private var location: String { "row group \(rowGroup), column \(column.dottedPath)" }

    func run(into report: inout CheckReport) {
        let metadata = context.reader.columnMetadata(rowGroup: rowGroup, column: leaf)
        var pages: [PageInfo] = []
        let data: ColumnChunkData
        let unreadBytes: Int
        do {
            let chunkReader = try context.reader.columnChunkReader(
                rowGroup: rowGroup, column: leaf, decompressor: decompressor)
            chunkReader.verifiesChecksums = false
            while let page = try chunkReader.nextPage() {
                pages.append(page)
            }
            unreadBytes = chunkReader.unreadByteCount
            data = chunkReader.takeData()
        } catch {
            report.problem(error.structure, "\(error.message) (at byte \(error.offset.map(String.init) ?? "?"))")
            return
        }
        report.chunksChecked += 1
        report.pagesChecked += pages.count
        for page in pages {
            if case .invalid(let stored, let computed) = page.checksum {
                report.problem(
                    pageLocation(page),
                    "CRC mismatch: stored 0x\(String(stored, radix: 16)), computed 0x\(String(computed, radix: 16))")
            }
        }
        // Writers record offsets and sizes of empty chunks inconsistently (pyarrow writes
        // data_page_offset 0 and an empty dictionary page); there are no pages to hold them to.
        guard metadata.numValues > 0 else { return }
        if unreadBytes > 0 {
            report.problem(location, "\(unreadBytes) bytes of total_compressed_size follow the last page")
        }
        checkSizesAndOffsets(metadata, pages: pages, report: &report)
        checkEncodings(metadata, pages: pages, report: &report)
        checkStatistics(metadata, pages: pages, data: data, report: &report)
        checkPageIndex(pages: pages, data: data, report: &report)
        checkBloomFilter(report: &report)
    }

    private func pageLocation(_ page: PageInfo) -> String {
        "\(location), page \(page.index)"
    }

    private func dataPages(_ pages: [PageInfo]) -> [PageInfo] {
        pages.filter { $0.header.type == .dataPage || $0.header.type == .dataPageV2 }
    }

    private func checkSizesAndOffsets(_ metadata: ColumnMetaData, pages: [PageInfo], report: inout CheckReport) {
        let uncompressed = pages.reduce(Int64(0)) { $0 + Int64($1.headerSize) + Int64($1.header.uncompressedPageSize) }
        if uncompressed != metadata.totalUncompressedSize {
            report.problem(
                location,
                "total_uncompressed_size \(metadata.totalUncompressedSize) but the pages and headers "
                    + "add up to \(uncompressed)")
        }
        let dictionaryPage = pages.first { $0.header.type == .dictionaryPage }
        switch (metadata.dictionaryPageOffset, dictionaryPage) {
        case (let offset?, let page?) where offset != Int64(page.offset):
            report.problem(location, "dictionary_page_offset \(offset) but the dictionary page is at \(page.offset)")
        case (let offset?, nil) where offset != 0:
            report.problem(location, "dictionary_page_offset \(offset) but the chunk has no dictionary page")
        case (nil, let page?):
            report.problem(location, "a dictionary page at \(page.offset) but no dictionary_page_offset")
        default:
            break
        }
        if let first = dataPages(pages).first, Int64(first.offset) != metadata.dataPageOffset {
            report.problem(
                location, "data_page_offset \(metadata.dataPageOffset) but the first data page is at \(first.offset)")
        }
        for page in pages {
            guard let header = page.header.dataPageHeaderV2 else { continue }
            if Int(header.numNulls) != page.nullCount {
                report.problem(
                    pageLocation(page), "num_nulls \(header.numNulls) but the levels hold \(page.nullCount) nulls")
            }
            if Int(header.numRows) != page.rowCount {
                report.problem(
                    pageLocation(page), "num_rows \(header.numRows) but the levels start \(page.rowCount) rows")
            }
        }
    }

    private func checkEncodings(_ metadata: ColumnMetaData, pages: [PageInfo], report: inout CheckReport) {
        // Data values in an unlisted encoding defeat what the list is for (telling, say,
        // whether every page is dictionary-encoded); dictionary-page and level encodings
        // left out (DuckDB omits them) are only noted.
        var dataEncodings: Set<Encoding> = []
        var otherEncodings: Set<Encoding> = []
        for page in pages {
            guard let encoding = page.valueEncoding else { continue }
            if page.header.type == .dictionaryPage {
                otherEncodings.insert(encoding)
            } else {
                dataEncodings.insert(encoding)
            }
            if let header = page.header.dataPageHeader {
                if column.maxRepetitionLevel > 0 { otherEncodings.insert(header.repetitionLevelEncoding) }
                if column.maxDefinitionLevel > 0 { otherEncodings.insert(header.definitionLevelEncoding) }
            } else if page.header.dataPageHeaderV2 != nil, column.maxDefinitionLevel + column.maxRepetitionLevel > 0 {
                otherEncodings.insert(.rle)
            }
        }
        let listed = Set(metadata.encodings)
        // PLAIN_DICTIONARY is the old name of both a dictionary page's PLAIN and RLE_DICTIONARY.
        func isListed(_ encoding: Encoding) -> Bool {
            listed.contains(encoding)
                || (listed.contains(.plainDictionary) && (encoding == .plain || encoding == .rleDictionary))
                || (encoding == .plainDictionary && (listed.contains(.plain) || listed.contains(.rleDictionary)))
        }
        let list = metadata.encodings.map(\.description).joined(separator: ",")
        for encoding in dataEncodings.sorted(by: { $0.rawValue < $1.rawValue }) where !isListed(encoding) {
            report.problem(location, "data pages use \(encoding), which the encodings list [\(list)] leaves out")
        }
        for encoding in otherEncodings.subtracting(dataEncodings).sorted(by: { $0.rawValue < $1.rawValue })
        where !isListed(encoding) {
            report.note(
                location, "levels or the dictionary page use \(encoding), which the encodings list [\(list)] leaves out"
            )
        }
        guard let stats = metadata.encodingStats else { return }
        var declared: [String: Int] = [:]
        for entry in stats {
            declared["\(entry.pageType)/\(entry.encoding)", default: 0] += Int(entry.count)
        }
        var actual: [String: Int] = [:]
        for page in pages {
            guard let encoding = page.valueEncoding else { continue }
            // Version 2 data pages are counted as DATA_PAGE, as parquet-mr and Arrow do.
            let type = page.header.type == .dataPageV2 ? PageType.dataPage : page.header.type
            actual["\(type)/\(encoding)", default: 0] += 1
        }
        if declared != actual {
            report.problem(
                location,
                "encoding_stats \(declared.sorted(by: { $0.key < $1.key })) but the pages are "
                    + "\(actual.sorted(by: { $0.key < $1.key }))")
        }
    }

    private func checkStatistics(
        _ metadata: ColumnMetaData, pages: [PageInfo], data: ColumnChunkData, report: inout CheckReport
    ) {
        let check = StatisticsCheck(leaf: column, kind: context.renderer.kind(ofLeaf: leaf))
        // Null counts of nested columns count list slots differently between writers.
        let comparableNulls = column.maxRepetitionLevel == 0
        if let statistics = metadata.statistics {
            let nulls = data.entryCount - data.values.count
            check.check(
                statistics, values: data.values, range: 0..<data.values.count,
                nullCount: comparableNulls ? nulls : nil
            ) { report.problem(location + " statistics", $0) }
        }
        for page in dataPages(pages) {
            guard let statistics = page.statistics else { continue }
            check.check(
                statistics, values: data.values, range: page.values, nullCount: comparableNulls ? page.nullCount : nil
            ) {
                report.problem(pageLocation(page) + " statistics", $0)
            }
        }
    }

    private func checkPageIndex(pages: [PageInfo], data: ColumnChunkData, report: inout CheckReport) {
        let dataPages = dataPages(pages)
        let columnIndex: ColumnIndex?
        let offsetIndex: OffsetIndex?
        do {
            columnIndex = try context.reader.columnIndex(rowGroup: rowGroup, column: leaf)
            offsetIndex = try context.reader.offsetIndex(rowGroup: rowGroup, column: leaf)
        } catch {
            report.problem(error.structure, error.message)
            return
        }
        if let offsetIndex {
            let place = location + " offset index"
            if offsetIndex.pageLocations.count != dataPages.count {
                report.problem(
                    place, "\(offsetIndex.pageLocations.count) page locations for \(dataPages.count) data pages")
            } else {
                var firstRow: Int64 = 0
                for (entry, page) in zip(offsetIndex.pageLocations, dataPages) {
                    if entry.offset != Int64(page.offset) || Int(entry.compressedPageSize) != page.totalSize
                        || entry.firstRowIndex != firstRow
                    {
                        report.problem(
                            place,
                            "page \(page.index) is at \(page.offset), \(page.totalSize) bytes, first row \(firstRow); "
                                + "the index says \(entry.offset), \(entry.compressedPageSize) bytes, first row \(entry.firstRowIndex)"
                        )
                    }
                    firstRow += Int64(page.rowCount)
                }
            }
        }
        guard let columnIndex else { return }
        let place = location + " column index"
        let count = dataPages.count
        guard columnIndex.nullPages.count == count, columnIndex.minValues.count == count,
            columnIndex.maxValues.count == count, columnIndex.nullCounts.map({ $0.count == count }) ?? true
        else {
            report.problem(place, "its lists do not have one entry per data page (\(count))")
            return
        }
        let check = StatisticsCheck(leaf: column, kind: context.renderer.kind(ofLeaf: leaf))
        var previous: (min: OrderKey, max: OrderKey)?
        var ascending = true
        var descending = true
        for (position, page) in dataPages.enumerated() {
            let isNullPage = page.values.isEmpty
            if columnIndex.nullPages[position] != isNullPage {
                report.problem(
                    place,
                    "null_pages[\(position)] is \(columnIndex.nullPages[position]) but page \(page.index) "
                        + (isNullPage ? "holds only nulls" : "holds values"))
                continue
            }
            if let nullCounts = columnIndex.nullCounts, column.maxRepetitionLevel == 0,
                nullCounts[position] != Int64(page.nullCount)
            {
                report.problem(
                    place,
                    "null_counts[\(position)] is \(nullCounts[position]) but page \(page.index) has \(page.nullCount) nulls"
                )
            }
            guard !isNullPage else { continue }
            let actual = check.extremes(of: data.values, in: page.values)
            // An all-NaN page has no bounds to compare (writers store NaN or nothing).
            guard actual.minimum != nil else { continue }
            check.checkBound(
                columnIndex.minValues[position], isMinimum: true, exact: nil, actual: actual,
                name: "min_values[\(position)]"
            ) { report.problem(place, $0) }
            check.checkBound(
                columnIndex.maxValues[position], isMinimum: false, exact: nil, actual: actual,
                name: "max_values[\(position)]"
            ) { report.problem(place, $0) }
            guard
                let minimum = column.statisticsValue(columnIndex.minValues[position])
                    .flatMap({ OrderKey($0, order: check.order) }),
                let maximum = column.statisticsValue(columnIndex.maxValues[position])
                    .flatMap({ OrderKey($0, order: check.order) })
            else { continue }
            if let previous {
                ascending = ascending && previous.min.compare(minimum) <= 0 && previous.max.compare(maximum) <= 0
                descending = descending && previous.min.compare(minimum) >= 0 && previous.max.compare(maximum) >= 0
            }
            previous = (minimum, maximum)
        }
        if columnIndex.boundaryOrder == .ascending && !ascending {
            report.problem(place, "boundary_order ASCENDING but the page bounds are not ascending")
        }
        if columnIndex.boundaryOrder == .descending && !descending {
            report.problem(place, "boundary_order DESCENDING but the page bounds are not descending")
        }
    }

    private func checkBloomFilter(report: inout CheckReport) {
        do {
            _ = try context.reader.bloomFilterHeader(rowGroup: rowGroup, column: leaf)
        } catch {
            report.problem(error.structure, error.message)
        }
    }
}
