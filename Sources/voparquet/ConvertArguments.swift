import Parquet
import VOParquet

/// The checked command line of `voparquet convert`: where to read and write, and the
/// writer options the flags ask for.
struct ConvertArguments {
    /// Input path, or "-" for standard input.
    var input: String?
    /// Output path, or nil (or "-") for standard output.
    var output: String?
    var options = VOParquetOptions()
    static let codecs = ["zstd", "snappy", "gzip", "lz4", "none"]
    static let bloomFilterMaximumDistinctCount = 100_000

    init(_ command: ConvertOptions) throws(UsageError) {
        input = command.input
        output = command.output
        // Under --max-bytes, room for what follows the table in the input, which is
        // only read after the rows.
        options.infoReserveBytes = 64 << 10
        try command.writer.apply(to: &options)
        switch command.dataPageVersion {
        case nil: break
        case "1": options.writer.dataPageVersion = .v1
        case "2": options.writer.dataPageVersion = .v2
        case let other?: throw UsageError("--data-page-version must be 1 or 2, got '\(other)'")
        }
        for text in command.encoding {
            try addEncoding(text)
        }
        if let pageIndex = command.pageIndex {
            options.writer.writesPageIndex = pageIndex
        }
        if command.crc {
            options.writer.writesPageChecksums = true
        }
        if let text = command.maxRows {
            options.maxRows = try Self.size(text, "--max-rows", allowZero: true)
        }
        if let text = command.maxBytes {
            options.maxBytes = try Self.size(text, "--max-bytes")
        }
        // Sized for a row group's worth of distinct values, at most 100,000 (about 117 KiB at 1%).
        let expectedDistinct = min(options.writer.maxRowGroupRows, Self.bloomFilterMaximumDistinctCount)
        for column in command.bloomFilter {
            var columnOptions = options.writer.columnOptions[column] ?? ColumnOptions()
            columnOptions.bloomFilter = BloomFilterOptions(expectedDistinctCount: expectedDistinct)
            options.writer.columnOptions[column] = columnOptions
        }
    }

    private mutating func addEncoding(_ text: String) throws(UsageError) {
        guard let equals = text.lastIndex(of: "="), equals != text.startIndex else {
            throw UsageError("--encoding needs COLUMN=ENCODING, got '\(text)'")
        }
        let column = String(text[..<equals])
        let encoding: ColumnEncoding
        switch text[text.index(after: equals)...].uppercased() {
        case "PLAIN": encoding = .plain
        case "DICTIONARY", "RLE_DICTIONARY", "PLAIN_DICTIONARY": encoding = .dictionary
        case "DELTA_BINARY_PACKED": encoding = .deltaBinaryPacked
        case "DELTA_LENGTH_BYTE_ARRAY": encoding = .deltaLengthByteArray
        case "DELTA_BYTE_ARRAY": encoding = .deltaByteArray
        case "BYTE_STREAM_SPLIT": encoding = .byteStreamSplit
        case "RLE":
            throw UsageError("--encoding \(text): RLE is not supported for values by the writer yet")
        case let name:
            throw UsageError("--encoding \(text): unknown encoding '\(name)'")
        }
        var columnOptions = options.writer.columnOptions[column] ?? ColumnOptions()
        columnOptions.encoding = encoding
        options.writer.columnOptions[column] = columnOptions
    }

    static func compression(_ codec: String, level: Int32?) throws(UsageError) -> Compression {
        switch codec {
        case "zstd": return .zstd(level: level ?? 3)
        case "gzip": return .gzip(level: level ?? 6)
        case "snappy", "lz4", "none":
            if level != nil { throw UsageError("--level applies to zstd and gzip only, not \(codec)") }
            return codec == "snappy" ? .snappy : codec == "lz4" ? .lz4Raw : .uncompressed
        default:
            throw UsageError("--compression must be one of \(codecs.joined(separator: ", ")); got '\(codec)'")
        }
    }

    /// A positive count (or zero, if allowed), optionally with a binary suffix: 64k, 16M, 2G.
    static func size(_ text: String, _ option: String, allowZero: Bool = false) throws(UsageError) -> Int {
        var digits = Substring(text)
        var multiplier = 1
        switch text.last?.lowercased() {
        case "k": multiplier = 1 << 10
        case "m": multiplier = 1 << 20
        case "g": multiplier = 1 << 30
        default: break
        }
        if multiplier > 1 { digits = digits.dropLast() }
        guard let value = Int(digits), value > 0 || (allowZero && value == 0), value <= Int.max / multiplier else {
            throw UsageError(
                "\(option) needs a \(allowZero ? "non-negative" : "positive") number (optionally with k, M or G), got '\(text)'"
            )
        }
        return value * multiplier
    }
}
