import Parquet

/// Upper bounds on what the file will take, so that `maxBytes` is never passed:
/// the rows not yet written out (from their PLAIN size) and the footer.
///
/// The bounds are deliberately loose: rows are counted at their PLAIN size plus
/// levels and dictionary indices, compressed data may grow by a quarter, every page
/// header is allowed 256 bytes and every column chunk's footer entry 256 bytes plus
/// its name and statistics.
struct OutputSizeBound {
    /// Bytes a row takes at most whatever its values: fixed-width cells, levels, indices.
    let fixedRowBytes: Int
    /// Bytes a row adds per byte of string or element data beyond `fixedRowBytes`.
    let perValueOverhead: Int
    /// The footer without row groups: schema, key-value metadata (the longer
    /// embedded document plus the INFO reserve), created_by, length and magic.
    let footerBytes: Int
    /// The footer's entry for one row group.
    let footerBytesPerRowGroup: Int
    private let compressionFactor: Double
    private let columnCount: Int
    private let pageRowLimit: Int
    private let pageByteLimit: Int
    private let pageMemoryLimit: Int

    static let pageHeaderBytes = 256
    static let columnChunkEntryBytes = 256

    /// `pageMemoryLimit` is the core writer's (`WriterMemoryPlan.pageMemoryLimit`): pages
    /// also close when their buffers reach it.
    init(columns: [VOParquetColumn], envelope: VOTableEnvelope, options: VOParquetOptions, pageMemoryLimit: Int) {
        let writer = options.writer
        let dictionaryIndexBytes =
            writer.encoding == .dictionary || writer.columnOptions.values.contains { $0.encoding == .dictionary }
            ? 4 : 0
        var fixedRow = 0
        var schema = 64
        var rowGroupEntry = 128
        let statisticsBytes = 2 * (max(writer.maxStatisticsSize, 16) + 16)
        for column in columns {
            let name = column.field.name.utf8.count
            if column.isList {
                // An empty or null list still takes a slot of levels.
                fixedRow += 2
                schema += 3 * (name + 48)
                rowGroupEntry += Self.columnChunkEntryBytes + name + 32 + statisticsBytes
            } else {
                fixedRow += Self.physicalWidth(column.valueKind) + 1 + dictionaryIndexBytes
                schema += name + 48
                rowGroupEntry += Self.columnChunkEntryBytes + name + statisticsBytes
            }
        }
        fixedRowBytes = fixedRow
        // A string's 4-byte length, its level and dictionary index; a list element's levels and index.
        perValueOverhead = 4 + 2 + dictionaryIndexBytes
        let keyValues = 256 + envelope.maximumContentByteCount + options.infoReserveBytes
        footerBytes = 8 + 512 + schema + 4 * columns.count + keyValues
        footerBytesPerRowGroup = rowGroupEntry
        let everyCodecIsNone =
            writer.compression == .uncompressed
            && writer.columnOptions.values.allSatisfy { $0.compression == nil || $0.compression == .uncompressed }
        compressionFactor = everyCodecIsNone ? 1.0 : 1.25
        columnCount = columns.count
        pageRowLimit = writer.dataPageRowLimit
        pageByteLimit = writer.dataPageSizeLimit
        self.pageMemoryLimit = pageMemoryLimit
    }

    /// The physical bytes of one value of this kind.
    static func physicalWidth(_ kind: VOParquetColumn.ValueKind) -> Int {
        switch kind {
        case .boolean: 1
        case .unsignedByte, .short, .int, .float: 4
        case .long, .double, .timestamp: 8
        case .string: 0
        }
    }

    /// The most bytes `rows` buffered rows of `plainBytes` PLAIN bytes take once written.
    func bufferedRows(_ rows: Int, plainBytes: Int) -> Int {
        // The rows' buffers take at most twice their PLAIN bound (string end offsets,
        // one byte per boolean and level), and a page closes at either limit.
        let pages =
            columnCount * (2 + rows / pageRowLimit) + plainBytes / pageByteLimit
            + 2 * plainBytes / pageMemoryLimit + 1
        return Int((Double(plainBytes) * compressionFactor).rounded(.up)) + pages * Self.pageHeaderBytes
    }

    /// The most bytes the footer takes with `rowGroups` row groups.
    func footer(rowGroups: Int) -> Int {
        footerBytes + rowGroups * footerBytesPerRowGroup
    }
}
