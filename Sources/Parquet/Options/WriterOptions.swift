import Foundation

/// Writer-wide settings. The defaults follow pyarrow's `write_table`.
public struct WriterOptions: Hashable, Sendable {
    /// Default codec for every column.
    public var compression: Compression = .snappy
    /// Default encoding for every column.
    public var encoding: ColumnEncoding = .dictionary
    /// The encoding a dictionary-encoded column chunk switches to once its dictionary
    /// passes `dictionaryPageSizeLimit` or is dropped as ineffective. Any encoding but
    /// `.dictionary`; it must suit every column that uses a dictionary and does not
    /// override it in its `ColumnOptions`.
    public var dictionaryFallbackEncoding: ColumnEncoding = .plain
    /// The data page format, for every column of the file.
    public var dataPageVersion: DataPageVersion = .v1
    /// Whether every page header carries the CRC-32 of the page bytes that follow it
    /// (as stored, after compression).
    public var writesPageChecksums = false
    /// Per-column overrides, keyed by column name.
    public var columnOptions: [String: ColumnOptions] = [:]
    /// A data page closes once its buffered values reach this many bytes…
    public var dataPageSizeLimit = 1 << 20
    /// …or this many rows, whichever comes first.
    public var dataPageRowLimit = 20_000
    /// A dictionary larger than this stops growing: the chunk falls back to PLAIN.
    public var dictionaryPageSizeLimit = 1 << 20
    /// Whether a column chunk whose dictionary does not pay is written PLAIN instead.
    /// While a chunk's first page is being encoded, once its dictionary has grown past
    /// the column's share of a 16 MiB budget (16 MiB divided by the column count,
    /// between 8 KiB and `dictionaryPageSizeLimit`) and the dictionary plus its
    /// indices still take at least as many bytes as PLAIN, the chunk drops the
    /// dictionary. With many columns of mostly distinct values this saves most of the
    /// time and memory dictionaries cost; with few columns it changes nothing before
    /// the dictionary page limit. pyarrow always keeps the dictionary up to the limit.
    public var dropsIneffectiveDictionaries = true
    /// A row group closes at this many rows…
    public var maxRowGroupRows = 1 << 20
    /// …or once its estimated encoded size reaches this many bytes.
    public var rowGroupTargetBytes = 128 << 20
    /// The most bytes the writer holds: open pages, the open row group's encoded pages,
    /// dictionaries, the page workspace and the footer metadata kept in memory, for any
    /// column count and row-group size. Pages close early enough that every column's
    /// open page fits its share; the row group's encoded pages move to an anonymous
    /// temporary file (in `spillDirectory`) once they pass theirs, and go to the sink,
    /// column by column, when the row group closes. A schema too wide for the limit is
    /// refused with `memoryLimitTooSmall`, which names the smallest limit that works.
    /// See Docs/architecture.md for how the limit is shared out.
    public var memoryLimit = 32 << 20
    /// Where the temporary file of encoded pages goes (it is removed as soon as it is
    /// created, so nothing stays behind); nil for `TMPDIR`, or `/tmp` when unset.
    public var spillDirectory: String?
    /// Threads that encode, compress and spill closed pages while rows are appended:
    /// each takes a share of the columns. With 1, pages are encoded on the appending
    /// thread. The file's bytes are the same whatever the count. The threads' page
    /// workspaces and queues come out of `memoryLimit`'s share for encoded pages, so a
    /// limit too small for them gets fewer threads (`ParquetWriter.encodingThreadCount`).
    /// Defaults to the number of active processors.
    public var encodingThreadCount = WriterOptions.processorCount
    /// What waits for the end of the file (the footer's row-group metadata, about 90
    /// bytes per column chunk, and the page index) stays in memory up to this many
    /// bytes each; beyond it, it waits in an anonymous temporary file, so a long file
    /// costs little more memory than a short one (16 bytes per column chunk remain).
    public var footerMemoryLimit = 1 << 20
    /// Whether column chunk statistics are written.
    public var statisticsEnabled = true
    /// Whether each column chunk gets an OffsetIndex (where its data pages are and their
    /// first rows) and, when its statistics are on, a ColumnIndex (each page's min, max
    /// and null count), written after the last row group. On by default, as in arrow-rs.
    public var writesPageIndex = true
    /// Byte-array min/max values longer than this are truncated: in the chunk statistics
    /// (marked inexact) and in the ColumnIndex alike.
    public var maxStatisticsSize = 64

    /// The defaults described on each property.
    public init() {}

    /// The most encoding threads a writer starts.
    public static let maxEncodingThreadCount = 256

    /// The number of active processors, between 1 and `maxEncodingThreadCount`.
    public static var processorCount: Int {
        min(maxEncodingThreadCount, max(1, ProcessInfo.processInfo.activeProcessorCount))
    }

    func validate(for schema: Schema) throws(ParquetWriterError) {
        guard dataPageSizeLimit > 0 else { throw .invalidOption("dataPageSizeLimit must be positive") }
        guard dataPageRowLimit > 0 else { throw .invalidOption("dataPageRowLimit must be positive") }
        guard dictionaryPageSizeLimit > 0 else { throw .invalidOption("dictionaryPageSizeLimit must be positive") }
        guard maxRowGroupRows > 0 else { throw .invalidOption("maxRowGroupRows must be positive") }
        guard rowGroupTargetBytes > 0 else { throw .invalidOption("rowGroupTargetBytes must be positive") }
        guard memoryLimit > 0 else { throw .invalidOption("memoryLimit must be positive") }
        guard (1...Self.maxEncodingThreadCount).contains(encodingThreadCount) else {
            throw .invalidOption("encodingThreadCount must be between 1 and \(Self.maxEncodingThreadCount)")
        }
        guard footerMemoryLimit >= 0 else { throw .invalidOption("footerMemoryLimit must not be negative") }
        guard maxStatisticsSize >= 2 else { throw .invalidOption("maxStatisticsSize must be at least 2") }
        let names = Set(schema.columns.map(\.name))
        for name in columnOptions.keys where !names.contains(name) {
            throw .invalidOption("options given for unknown column '\(name)'")
        }
        for descriptor in schema.descriptors {
            guard let bloomFilter = columnOptions[descriptor.name]?.bloomFilter else { continue }
            try bloomFilter.validate(column: descriptor.name)
            guard descriptor.physical != .boolean else {
                throw .invalidOption("column '\(descriptor.name)': BOOLEAN columns take no bloom filter")
            }
        }
        for case (let name, .gzip(let level)) in allCompressions() where !(0...9).contains(level) {
            throw .invalidOption("column '\(name)': gzip level \(level) is outside 0...9")
        }
        for case (let name, .zstd(let level)) in allCompressions() where !(-131072...22).contains(level) {
            throw .invalidOption("column '\(name)': zstd level \(level) is outside -131072...22")
        }
    }

    func allCompressions() -> [(String, Compression)] {
        [("*", compression)] + columnOptions.compactMap { name, options in options.compression.map { (name, $0) } }
    }

    /// The dictionary size past which a column's first page may drop its dictionary.
    func dictionaryTrialBytes(columnCount: Int) -> Int {
        let budget = 16 << 20
        return max(8 << 10, min(dictionaryPageSizeLimit, budget / max(columnCount, 1)))
    }

    func resolvedEncoding(_ column: String) -> ColumnEncoding { columnOptions[column]?.encoding ?? encoding }
    func resolvedFallback(_ column: String) -> ColumnEncoding {
        columnOptions[column]?.dictionaryFallbackEncoding ?? dictionaryFallbackEncoding
    }

    /// Whether the column starts with a dictionary, and the encoding of its pages without one.
    /// Refuses an encoding the column's physical type does not have.
    func valueEncodings(for descriptor: ColumnDescriptor) throws(ParquetWriterError) -> (
        usesDictionary: Bool, withoutDictionary: PageValueEncoding
    ) {
        let encoding = resolvedEncoding(descriptor.name)
        guard encoding.supports(descriptor.physical) else {
            throw .invalidOption(
                "column '\(descriptor.name)': \(encoding) does not apply to \(descriptor.physical) values")
        }
        guard encoding == .dictionary else { return (false, encoding.pageEncoding) }
        if descriptor.physical == .boolean { return (false, dataPageVersion == .v2 ? .rle : .plain) }
        let fallback = resolvedFallback(descriptor.name)
        guard fallback != .dictionary else {
            throw .invalidOption("column '\(descriptor.name)': the dictionary fallback cannot be a dictionary")
        }
        guard fallback.supports(descriptor.physical) else {
            throw .invalidOption(
                "column '\(descriptor.name)': dictionary fallback \(fallback) does not apply to \(descriptor.physical) values"
            )
        }
        return (true, fallback.pageEncoding)
    }
    func resolvedCompression(_ column: String) -> Compression { columnOptions[column]?.compression ?? compression }
    func resolvedStatistics(_ column: String) -> Bool { columnOptions[column]?.statisticsEnabled ?? statisticsEnabled }
}
