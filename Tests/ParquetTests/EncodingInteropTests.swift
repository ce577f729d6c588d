import Foundation
import InteropSupport
import Parquet
import ParquetFormat
import Testing

/// Every non-dictionary encoding × data page v1/v2 for the Python readers to check:
/// flat OPTIONAL columns of every type with nulls, and LIST columns with null lists,
/// empty lists and null elements, over several pages and row groups. The encoding goes
/// on every column whose type has it; the other columns keep the dictionary default, so
/// v2 files also carry dictionary pages and RLE booleans. Half the files carry page
/// checksums ("crc" in the name), which the pyarrow check verifies.
@Suite struct EncodingInteropTests {
    static let encodings: [(String, ColumnEncoding)] = [
        ("dbp", .deltaBinaryPacked), ("dlba", .deltaLengthByteArray), ("dba", .deltaByteArray),
        ("bss", .byteStreamSplit),
    ]
    static let codecs: [(String, Compression)] = [
        ("snappy", .snappy), ("zstd", .zstd(level: 3)), ("uncompressed", .uncompressed), ("gzip", .gzip(level: 6)),
        ("lz4raw", .lz4Raw),
    ]

    @Test(arguments: 0..<4, [DataPageVersion.v1, .v2])
    func encodingFile(encodingIndex: Int, version: DataPageVersion) throws {
        let (encodingName, encoding) = Self.encodings[encodingIndex]
        let versionIndex = version == .v1 ? 0 : 1
        let (codecName, codec) = Self.codecs[(encodingIndex * 2 + versionIndex) % Self.codecs.count]
        let checksums = (encodingIndex + versionIndex) % 2 == 1
        var options = WriterOptions()
        options.compression = codec
        options.dataPageVersion = version
        options.writesPageChecksums = checksums
        options.dataPageRowLimit = 300
        options.maxRowGroupRows = ListInteropTests.rowGroupRows
        let bases = TestColumn.everyType(.optional)
        var columns = bases.map(Self.flatWithNulls)
        columns += bases.filter { Self.accepts(encoding, $0.column.type) }.map {
            ListInteropTests.variableLengthList(of: $0)
        }
        columns += [
            ListInteropTests.listOfLists(), ListInteropTests.requiredListOfLists(), ListInteropTests.cellEnumList(),
        ]
        for column in columns where Self.accepts(encoding, column.column.type) {
            options.columnOptions[column.column.name] = ColumnOptions(encoding: encoding)
        }
        let name = "enc_\(encodingName)_\(version == .v1 ? "v1" : "v2")_\(codecName)\(checksums ? "_crc" : "")"
        let metadata = try ListInteropTests().writeAndSave(name, columns: columns, options: options)
        #expect(metadata.rowGroups.count == 3)
        for rowGroup in metadata.rowGroups {
            for chunk in rowGroup.columns {
                let meta = try #require(chunk.metaData)
                let stats = try #require(meta.encodingStats)
                // Version 2 data pages are counted as DATA_PAGE, as parquet-mr and Arrow count them.
                #expect(stats.allSatisfy { $0.pageType == .dictionaryPage || $0.pageType == .dataPage })
                if options.columnOptions[meta.pathInSchema[0]] != nil {
                    #expect(meta.encodings.contains(Self.format(encoding)))
                    #expect(meta.dictionaryPageOffset == nil)
                }
                if meta.type == .boolean {
                    #expect(meta.encodings.contains(version == .v1 ? .plain : .rle))
                }
            }
        }
    }

    /// A dictionary that outgrows its limit falls back to the configured encoding, in v2 pages.
    @Test func dictionaryFallbackToDeltaEncodings() throws {
        var options = WriterOptions()
        options.dataPageVersion = .v2
        options.dictionaryPageSizeLimit = 1_024
        options.dropsIneffectiveDictionaries = false
        options.dictionaryFallbackEncoding = .byteStreamSplit
        options.writesPageChecksums = true
        options.dataPageRowLimit = 250
        options.maxRowGroupRows = ListInteropTests.rowGroupRows
        let bases = TestColumn.everyType(.optional).filter {
            ["i32", "i64", "f32", "f64", "s", "bin"].contains($0.column.name)
        }
        var columns = bases.map(Self.flatWithNulls)
        columns += bases.filter { $0.column.name == "s" }.map { ListInteropTests.variableLengthList(of: $0) }
        options.columnOptions["s"] = ColumnOptions(dictionaryFallbackEncoding: .deltaByteArray)
        options.columnOptions["bin"] = ColumnOptions(dictionaryFallbackEncoding: .deltaLengthByteArray)
        options.columnOptions["l_s"] = ColumnOptions(dictionaryFallbackEncoding: .deltaLengthByteArray)
        options.columnOptions["i64"] = ColumnOptions(dictionaryFallbackEncoding: .deltaBinaryPacked)
        let metadata = try ListInteropTests().writeAndSave(
            "enc_fallback_v2_snappy_crc", columns: columns, options: options)
        let expected: [String: Encoding] = [
            "i32": .byteStreamSplit, "i64": .deltaBinaryPacked, "f32": .byteStreamSplit, "f64": .byteStreamSplit,
            "s": .deltaByteArray, "bin": .deltaLengthByteArray, "l_s": .deltaLengthByteArray,
        ]
        for chunk in metadata.rowGroups[0].columns {
            let meta = try #require(chunk.metaData)
            let fallback = try #require(expected[meta.pathInSchema[0]])
            #expect(
                meta.encodings.contains(.rleDictionary) && meta.encodings.contains(fallback), "\(meta.pathInSchema)")
        }
    }

    /// An OPTIONAL flat column of `base`'s values with every sixth row null.
    static func flatWithNulls(_ base: TestColumn) -> ListInteropTests.ListColumn {
        let isNull = { (row: Int) in row % 6 == 2 }
        return ListInteropTests.ListColumn(
            column: base.column,
            cell: { row in isNull(row) ? .null : base.cell(row: row).expected(for: base.column.type) },
            append: { writer, row throws(ParquetWriterError) in
                if isNull(row) { try writer.appendNull() } else { try base.cell(row: row).append(to: writer) }
            },
            hasCheckableStatistics: base.hasCheckableStatistics)
    }

    /// Whether the leaf type of `type` is stored in a physical type that has `encoding`.
    static func accepts(_ encoding: ColumnEncoding, _ type: ColumnType) -> Bool {
        if case .list(let element, _) = type { return accepts(encoding, element) }
        let physical = ExpectedFile.typeFields(type).first ?? ""
        let kinds: [String] =
            switch encoding {
            case .deltaBinaryPacked: ["INT32", "INT64"]
            case .deltaLengthByteArray: ["BYTE_ARRAY"]
            case .deltaByteArray: ["BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"]
            case .byteStreamSplit: ["FLOAT", "DOUBLE", "INT32", "INT64", "FIXED_LEN_BYTE_ARRAY"]
            case .plain, .dictionary: []
            }
        return kinds.contains { physical.contains("\"\($0)\"") }
    }

    static func format(_ encoding: ColumnEncoding) -> Encoding {
        switch encoding {
        case .deltaBinaryPacked: .deltaBinaryPacked
        case .deltaLengthByteArray: .deltaLengthByteArray
        case .deltaByteArray: .deltaByteArray
        case .byteStreamSplit: .byteStreamSplit
        case .plain: .plain
        case .dictionary: .rleDictionary
        }
    }
}
