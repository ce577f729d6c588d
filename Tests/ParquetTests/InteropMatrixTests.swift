import Foundation
import InteropSupport
import Parquet
import ParquetFormat
import Testing

/// Writes every type × REQUIRED/OPTIONAL × PLAIN/dictionary × codec, with several
/// pages and row groups, for the Python readers to check (`make test`). The Swift
/// side asserts the file's structure; the values are the readers' to check.
@Suite struct InteropMatrixTests {
    static let rows = 2_500
    static let codecs: [(String, Compression)] = [
        ("uncompressed", .uncompressed), ("snappy", .snappy), ("zstd", .zstd(level: 3)),
        ("gzip", .gzip(level: 6)), ("lz4raw", .lz4Raw),
    ]

    @Test(arguments: [Repetition.required, .optional], [ColumnEncoding.plain, .dictionary])
    func matrix(repetition: Repetition, encoding: ColumnEncoding) throws {
        for (codecName, codec) in Self.codecs {
            var options = WriterOptions()
            options.compression = codec
            options.encoding = encoding
            // Every type goes through dictionary encoding, however distinct its values.
            options.dropsIneffectiveDictionaries = false
            options.dataPageRowLimit = 400
            options.maxRowGroupRows = 1_000
            let name =
                "matrix_\(repetition == .required ? "required" : "optional")_\(encoding == .plain ? "plain" : "dict")_\(codecName)"
            var columns = TestColumn.everyType(repetition)
            if repetition == .optional {
                columns.append(TestColumn("all_null_d", .double, .optional, stats: true, edges: []) { _ in .double(1) })
                columns.append(TestColumn("all_null_s", .string, .optional, edges: []) { _ in .string("x") })
            }
            let metadata = try writeAndSave(name, columns: columns, options: options, rowGroupRows: 1_000) {
                column, row, index in
                column.column.name.hasPrefix("all_null") || (repetition == .optional && (row * 7 + index) % 5 == 0)
            }
            #expect(metadata.rowGroups.count == 3)
            #expect(metadata.numRows == Int64(Self.rows))
            for rowGroup in metadata.rowGroups {
                for chunk in rowGroup.columns {
                    let meta = try #require(chunk.metaData)
                    #expect(meta.codec.rawValue == codec.expectedCodecValue)
                    // All-null chunks need no dictionary and are written PLAIN.
                    let hasValues = meta.numValues > meta.statistics!.nullCount!
                    let usesDictionary = encoding == .dictionary && meta.type != .boolean && hasValues
                    #expect((meta.dictionaryPageOffset != nil) == usesDictionary)
                    #expect(meta.encodings.contains(usesDictionary ? .rleDictionary : .plain))
                }
            }
        }
    }

    /// Every type with the page index on (the default) and off: pyarrow reports each
    /// chunk's ColumnIndex and OffsetIndex, DuckDB's parquet_metadata() reads the footer.
    @Test(arguments: [true, false])
    func pageIndex(on: Bool) throws {
        var options = WriterOptions()
        options.writesPageIndex = on
        options.dataPageRowLimit = 300
        options.maxRowGroupRows = 1_000
        // A page of only NaNs has no bounds to give, so its chunk gets no ColumnIndex (PageIndexTests).
        var columns = TestColumn.everyType(.optional).filter { $0.column.name != "nan_only" }
        columns.append(TestColumn("all_null_d", .double, .optional, stats: true, edges: []) { _ in .double(1) })
        let metadata = try writeAndSave(
            "page_index_\(on ? "on" : "off")", columns: columns, options: options, rowGroupRows: 1_000, pageIndex: on
        ) { column, row, index in
            column.column.name.hasPrefix("all_null") || (row * 7 + index) % 5 == 0
        }
        for chunk in metadata.rowGroups.flatMap(\.columns) {
            #expect((chunk.columnIndexOffset != nil) == on && (chunk.offsetIndexOffset != nil) == on)
        }
    }

    /// A dictionary that outgrows its limit falls back to PLAIN mid-chunk; the
    /// dictionary page still comes first.
    @Test func dictionaryFallback() throws {
        var options = WriterOptions()
        options.dictionaryPageSizeLimit = 8_192
        options.dropsIneffectiveDictionaries = false
        options.dataPageRowLimit = 300
        options.maxRowGroupRows = 5_000
        let columns = [
            TestColumn("id", .int64, .optional, stats: true, edges: []) { .int(Int64($0) * 7_919) },
            TestColumn("text", .string, .optional, edges: []) { .string("value number \($0) — ü") },
            TestColumn("few", .string, .optional, edges: []) { .string(["a", "b"][$0 % 2]) },
            TestColumn("one", .double, .required, stats: true, edges: []) { _ in .double(2.5) },
            TestColumn("late", .int32, .optional, stats: true, edges: []) { .int(Int64($0 % 7)) },
        ]
        let metadata = try writeAndSave("dictionary_fallback", columns: columns, options: options, rowGroupRows: 5_000)
        { _, row, index in
            (index < 3 && row % 11 == 0) || (index == 4 && row < 600)
        }
        let chunks = metadata.rowGroups[0].columns.map { $0.metaData! }
        for chunk in chunks[0...1] {
            #expect(chunk.encodings.contains(.rleDictionary) && chunk.encodings.contains(.plain))
            #expect(chunk.dictionaryPageOffset! < chunk.dataPageOffset)
            let dataPageEncodings = Set(chunk.encodingStats!.filter { $0.pageType == .dataPage }.map(\.encoding))
            #expect(dataPageEncodings == [.rleDictionary, .plain])
        }
        // One distinct value: a one-entry dictionary, whose indices are 0 bits wide.
        #expect(chunks[3].encodingStats!.filter { $0.pageType == .dataPage }.map(\.encoding) == [.rleDictionary])
        // Pages that are all null before the first value are PLAIN; the dictionary page still leads.
        #expect(
            chunks[4].encodingStats!.filter { $0.pageType == .dataPage }.map(\.encoding) == [.plain, .rleDictionary])
        #expect(chunks[4].dictionaryPageOffset! < chunks[4].dataPageOffset)
    }

    /// Writes the rows, saves the file and its JSON, and returns our decoding of its footer.
    private func writeAndSave(
        _ name: String, columns: [TestColumn], options: WriterOptions, rowGroupRows: Int, pageIndex: Bool? = nil,
        isNull: (TestColumn, Int, Int) -> Bool
    ) throws -> FileMetaData {
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: try Schema(columns.map(\.column)), sink: sink, options: options)
        var expected = columns.map { _ in [ExpectedValue]() }
        for row in 0..<Self.rows {
            for (index, column) in columns.enumerated() {
                if isNull(column, row, index) {
                    try writer.appendNull()
                    expected[index].append(.null)
                } else {
                    let cell = column.cell(row: row)
                    try cell.append(to: writer)
                    expected[index].append(cell.expected(for: column.column.type))
                }
            }
            try writer.endRow()
        }
        try writer.close()
        let rowGroups = (Self.rows + rowGroupRows - 1) / rowGroupRows
        var file = ExpectedFile(columns: zip(columns, expected).map { ($0.column, $1) }, rowGroups: rowGroups)
        file.pageIndex = pageIndex
        for (index, column) in columns.enumerated() where column.hasCheckableStatistics {
            file.statistics[column.column.name] = stride(from: 0, to: Self.rows, by: rowGroupRows).map { start in
                ReferenceStatistics.compute(Array(expected[index][start..<min(start + rowGroupRows, Self.rows)]))
            }
        }
        try InteropOutput.save(name, bytes: sink.bytes, expected: file)
        return try FooterReader.metadata(of: sink.bytes)
    }
}

/// The min/max a reader should report, computed independently of the writer.
enum ReferenceStatistics {
    static func compute(_ values: [ExpectedValue]) -> ExpectedFile.ColumnStatistics {
        let nullCount = values.filter { $0 == .null }.count
        var integers: [Int128] = []
        var reals: [Double] = []
        for value in values {
            switch value {
            case .integer(let number): integers.append(number)
            case .real(let number) where !number.isNaN: reals.append(number)
            default: break
            }
        }
        if let low = integers.min(), let high = integers.max() {
            return .init(nullCount: nullCount, min: .integer(low), max: .integer(high))
        }
        guard let low = reals.min(), let high = reals.max() else {
            return .init(nullCount: nullCount, min: .null, max: .null)
        }
        // The spec writes a zero minimum as -0.0 and a zero maximum as +0.0.
        return .init(nullCount: nullCount, min: .real(low == 0 ? -0.0 : low), max: .real(high == 0 ? 0.0 : high))
    }
}

extension Compression {
    /// The parquet.thrift CompressionCodec value this codec must be recorded as.
    var expectedCodecValue: Int32 {
        switch self {
        case .uncompressed: 0
        case .snappy: 1
        case .gzip: 2
        case .zstd: 6
        case .lz4Raw: 7
        }
    }
}
