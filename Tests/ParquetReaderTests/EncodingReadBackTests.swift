import Parquet
import ParquetFormat
import ParquetReader
import Testing

/// Files written with each non-dictionary encoding, in v1 and v2 data pages and with page
/// checksums, read back through our reader: values, checksums and v2 page counts.
@Suite struct EncodingReadBackTests {
    static let encodings: [ColumnEncoding] = [
        .deltaBinaryPacked, .deltaLengthByteArray, .deltaByteArray, .byteStreamSplit,
    ]

    @Test(arguments: encodings, [DataPageVersion.v1, .v2])
    func encodedColumnsReadBackWithValidChecksums(encoding: ColumnEncoding, version: DataPageVersion) throws {
        for (index, codec) in [Compression.uncompressed, .snappy, .zstd(level: 3)].enumerated() {
            var options = WriterOptions()
            options.compression = codec
            options.dataPageVersion = version
            options.writesPageChecksums = true
            options.dataPageRowLimit = 300
            options.maxRowGroupRows = 500
            let columns = WriterColumn.everyType(.optional)
            for column in columns where Self.accepts(encoding, column.column) {
                options.columnOptions[column.column.name] = ColumnOptions(encoding: encoding)
            }
            try #require(!options.columnOptions.isEmpty)
            let (bytes, expected) = try WriterRoundTripTests.write(columns, options: options) { row, column in
                (row * 7 + column + index) % 5 == 0
            }
            let reader = try ParquetFileReader(bytes: bytes)
            var records: [[RecordValue]] = []
            for rowGroup in reader.metadata.rowGroups.indices {
                records += try reader.readRecords(rowGroup: rowGroup)
                for column in reader.schema.leaves.indices {
                    let chunk = try reader.columnChunkReader(rowGroup: rowGroup, column: column)
                    var rows = 0
                    while let page = try chunk.nextPage() {
                        #expect(page.checksum == .valid)
                        guard page.header.type != .dictionaryPage else { continue }
                        #expect((page.header.type == .dataPageV2) == (version == .v2))
                        if let header = page.header.dataPageHeaderV2 {
                            #expect(Int(header.numNulls) == page.nullCount && Int(header.numRows) == page.rowCount)
                            #expect(header.isCompressed == (codec != .uncompressed))
                        }
                        rows += page.rowCount
                    }
                    #expect(version == .v1 || Int64(rows) == reader.metadata.rowGroups[rowGroup].numRows)
                    let encodings = reader.columnMetadata(rowGroup: rowGroup, column: column).encodings
                    if options.columnOptions[columns[column].column.name] != nil {
                        #expect(encodings.contains(Self.format(encoding)))
                    }
                }
            }
            try WriterRoundTripTests.expectEqual(records, expected, "\(encoding) \(version) \(codec)")
        }
    }

    @Test func invalidEncodingIsRefusedNamingTheColumn() throws {
        var options = WriterOptions()
        options.columnOptions["ra"] = ColumnOptions(encoding: .deltaBinaryPacked)
        let schema = try Schema([Column("id", .int64), Column("ra", .double)])
        #expect(
            throws: ParquetWriterError.invalidOption("column 'ra': deltaBinaryPacked does not apply to double values")
        ) {
            _ = try ParquetWriter(schema: schema, sink: MemorySink(), options: options)
        }
        options.columnOptions = [:]
        options.dictionaryFallbackEncoding = .deltaLengthByteArray
        #expect(throws: ParquetWriterError.self) {
            _ = try ParquetWriter(schema: schema, sink: MemorySink(), options: options)
        }
        options.dictionaryFallbackEncoding = .dictionary
        #expect(throws: ParquetWriterError.invalidOption("column 'id': the dictionary fallback cannot be a dictionary"))
        {
            _ = try ParquetWriter(schema: schema, sink: MemorySink(), options: options)
        }
    }

    /// Past the dictionary limit, pages switch to the configured fallback encoding.
    @Test func dictionaryFallsBackToTheConfiguredEncoding() throws {
        var options = WriterOptions()
        options.dictionaryPageSizeLimit = 2_048
        options.dropsIneffectiveDictionaries = false
        options.dataPageRowLimit = 200
        options.dataPageVersion = .v2
        options.dictionaryFallbackEncoding = .byteStreamSplit
        options.columnOptions["s"] = ColumnOptions(dictionaryFallbackEncoding: .deltaByteArray)
        let columns = WriterColumn.everyType(.optional).filter { ["i64", "f64", "s"].contains($0.column.name) }
        let (bytes, expected) = try WriterRoundTripTests.write(columns, options: options, rows: 3_000) { row, column in
            (row + column) % 9 == 0
        }
        let reader = try ParquetFileReader(bytes: bytes)
        try WriterRoundTripTests.expectEqual(try reader.readRecords(rowGroup: 0), expected, "fallback")
        let chunkEncodings = (0..<3).map { reader.columnMetadata(rowGroup: 0, column: $0).encodings }
        for (encodings, fallback) in zip(chunkEncodings, [Encoding.byteStreamSplit, .byteStreamSplit, .deltaByteArray])
        {
            #expect(encodings.contains(.rleDictionary) && encodings.contains(fallback))
        }
        // Version 2 data pages are counted as DATA_PAGE, as parquet-mr and Arrow count them.
        let stats = try #require(reader.columnMetadata(rowGroup: 0, column: 0).encodingStats)
        #expect(stats.contains { $0.pageType == .dataPage && $0.encoding == .byteStreamSplit })
    }

    static func accepts(_ encoding: ColumnEncoding, _ column: Column) -> Bool {
        let physical = physicalType(column.type)
        switch encoding {
        case .deltaBinaryPacked: return ["INT32", "INT64"].contains(physical)
        case .deltaLengthByteArray: return physical == "BYTE_ARRAY"
        case .deltaByteArray: return ["BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"].contains(physical)
        case .byteStreamSplit: return ["FLOAT", "DOUBLE", "INT32", "INT64", "FIXED_LEN_BYTE_ARRAY"].contains(physical)
        case .plain, .dictionary: return true
        }
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

    /// The physical type the writer stores a column type as (Docs/type-mapping.md).
    static func physicalType(_ type: ColumnType) -> String {
        switch type {
        case .boolean: "BOOLEAN"
        case .int8, .int16, .int32, .uint8, .uint16, .uint32, .date: "INT32"
        case .int64, .uint64, .timestamp: "INT64"
        case .time(let unit, _): unit == .millis ? "INT32" : "INT64"
        case .float: "FLOAT"
        case .double: "DOUBLE"
        case .string, .json, .enumeration, .binary: "BYTE_ARRAY"
        case .float16, .fixedBinary, .uuid: "FIXED_LEN_BYTE_ARRAY"
        case .decimal(let precision, _, let storage):
            switch storage {
            case .int32: "INT32"
            case .int64: "INT64"
            case .fixedLength: "FIXED_LEN_BYTE_ARRAY"
            case .automatic: precision <= 9 ? "INT32" : precision <= 18 ? "INT64" : "FIXED_LEN_BYTE_ARRAY"
            }
        case .list: "LIST"
        }
    }
}
