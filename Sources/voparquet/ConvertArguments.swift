import Parquet
import VOParquet

/// The parsed command line of `voparquet convert`.
struct ConvertArguments {
    /// Input path, or "-" for standard input.
    var input: String?
    /// Output path, or nil (or "-") for standard output.
    var output: String?
    var options = VOParquetOptions()
    private var codec = "zstd"
    private var bloomFilterColumns: [String] = []
    static let bloomFilterMaximumDistinctCount = 100_000
    private var level: Int32?

    init(_ arguments: [String]) throws(UsageError) {
        options.writer.compression = .zstd(level: 3)
        // Under --max-bytes, room for what follows the table in the input, which is
        // only read after the rows.
        options.infoReserveBytes = 64 << 10
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            guard argument.hasPrefix("-"), argument != "-" else {
                guard input == nil else { throw UsageError("more than one input given ('\(input!)' and '\(argument)')") }
                input = argument
                continue
            }
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            func value() throws(UsageError) -> String {
                if let inlineValue { return inlineValue }
                guard let next = remaining.popFirst() else { throw UsageError("\(name) needs a value") }
                return next
            }
            func flag() throws(UsageError) {
                if inlineValue != nil { throw UsageError("\(name) takes no value") }
            }
            switch name {
            case "-o", "--output":
                output = try value()
            case "--compression":
                codec = try value()
            case "--level":
                let text = try value()
                guard let parsed = Int32(text) else { throw UsageError("--level needs an integer, got '\(text)'") }
                level = parsed
            case "--row-group-bytes":
                options.writer.rowGroupTargetBytes = try Self.size(try value(), name)
            case "--memory-limit":
                options.writer.memoryLimit = try Self.size(try value(), name)
            case "--row-group-rows":
                options.writer.maxRowGroupRows = try Self.size(try value(), name)
            case "--page-size":
                options.writer.dataPageSizeLimit = try Self.size(try value(), name)
            case "--dictionary":
                try flag()
                options.writer.encoding = .dictionary
            case "--no-dictionary":
                try flag()
                options.writer.encoding = .plain
            case "--data-page-version":
                switch try value() {
                case "1": options.writer.dataPageVersion = .v1
                case "2": options.writer.dataPageVersion = .v2
                case let other: throw UsageError("--data-page-version must be 1 or 2, got '\(other)'")
                }
            case "--encoding":
                try addEncoding(try value())
            case "--page-index":
                try flag()
                options.writer.writesPageIndex = true
            case "--no-page-index":
                try flag()
                options.writer.writesPageIndex = false
            case "--bloom-filter":
                bloomFilterColumns.append(try value())
            case "--crc":
                try flag()
                options.writer.writesPageChecksums = true
            case "--timestamps-as":
                switch try value() {
                case "string": options.timestamps = .string
                case "timestamp": options.timestamps = .timestamp
                case let other: throw UsageError("--timestamps-as must be 'string' or 'timestamp', got '\(other)'")
                }
            case "--max-rows":
                options.maxRows = try Self.size(try value(), name, allowZero: true)
            case "--max-bytes":
                options.maxBytes = try Self.size(try value(), name)
            default:
                throw UsageError("unknown option '\(name)'")
            }
        }
        guard input != nil else { throw UsageError("no input given (a path, or - for standard input)") }
        options.writer.compression = try Self.compression(codec, level: level)
        // Sized for a row group's worth of distinct values, at most 100,000 (about 117 KiB at 1%).
        let expectedDistinct = min(options.writer.maxRowGroupRows, Self.bloomFilterMaximumDistinctCount)
        for column in bloomFilterColumns {
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

    private static func compression(_ codec: String, level: Int32?) throws(UsageError) -> Compression {
        switch codec {
        case "zstd": return .zstd(level: level ?? 3)
        case "gzip": return .gzip(level: level ?? 6)
        case "snappy", "lz4", "none":
            if level != nil { throw UsageError("--level applies to zstd and gzip only, not \(codec)") }
            return codec == "snappy" ? .snappy : codec == "lz4" ? .lz4Raw : .uncompressed
        default:
            throw UsageError("--compression must be one of zstd, snappy, gzip, lz4, none; got '\(codec)'")
        }
    }

    /// A positive count (or zero, if allowed), optionally with a binary suffix: 64k, 16M, 2G.
    private static func size(_ text: String, _ option: String, allowZero: Bool = false) throws(UsageError) -> Int {
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
            throw UsageError("\(option) needs a \(allowZero ? "non-negative" : "positive") number (optionally with k, M or G), got '\(text)'")
        }
        return value * multiplier
    }
}
