import Testing

@testable import ParquetFormat

/// Encodings derived by hand from parquet.thrift field ids and the compact protocol:
/// a short field header is (id delta << 4) | type, with types i32 = 5, i64 = 6,
/// binary = 8, list = 9, struct = 12; integers are zigzag varints; a struct ends
/// with a 0x00 stop byte.
@Suite struct ByteVectorTests {
    /// PageHeader { type: DATA_PAGE, uncompressed_page_size: 100, compressed_page_size: 50,
    /// data_page_header: { num_values: 10, encoding: PLAIN, definition_level_encoding: RLE,
    /// repetition_level_encoding: RLE } }
    static let dataPageHeaderBytes: [UInt8] = [
        0x15, 0x00,  // 1: type, i32 zigzag(0) = 0
        0x15, 0xC8, 0x01,  // 2: uncompressed_page_size, zigzag(100) = 200 = C8 01
        0x15, 0x64,  // 3: compressed_page_size, zigzag(50) = 100 = 0x64
        0x2C,  // 5: data_page_header, struct, delta 2 (crc, field 4, is absent)
        0x15, 0x14,  //   1: num_values, zigzag(10) = 20
        0x15, 0x00,  //   2: encoding PLAIN = 0
        0x15, 0x06,  //   3: definition_level_encoding RLE = 3, zigzag 6
        0x15, 0x06,  //   4: repetition_level_encoding RLE = 3
        0x00,  //   stop DataPageHeader
        0x00,  // stop PageHeader
    ]

    static let dataPageHeader = PageHeader(
        type: .dataPage, uncompressedPageSize: 100, compressedPageSize: 50,
        dataPageHeader: DataPageHeader(
            numValues: 10, encoding: .plain, definitionLevelEncoding: .rle, repetitionLevelEncoding: .rle))

    @Test func pageHeaderEncodes() {
        #expect(Self.dataPageHeader.encoded() == Self.dataPageHeaderBytes)
    }

    @Test func pageHeaderDecodes() throws {
        #expect(try PageHeader.decode(Self.dataPageHeaderBytes) == Self.dataPageHeader)
    }

    /// PageHeader { type: DICTIONARY_PAGE, uncompressed_page_size: 8, compressed_page_size: 8,
    /// crc: -1, dictionary_page_header: { num_values: 1, encoding: PLAIN, is_sorted: true } }
    @Test func dictionaryPageHeaderWithCRC() throws {
        let bytes: [UInt8] = [
            0x15, 0x04,  // 1: type DICTIONARY_PAGE = 2, zigzag 4
            0x15, 0x10,  // 2: zigzag(8) = 16
            0x15, 0x10,  // 3: zigzag(8) = 16
            0x15, 0x01,  // 4: crc, zigzag(-1) = 1
            0x3C,  // 7: dictionary_page_header, delta 3
            0x15, 0x02,  //   1: num_values, zigzag(1) = 2
            0x15, 0x00,  //   2: encoding PLAIN
            0x11,  //   3: is_sorted true: delta 1, type 1 (BOOLEAN_TRUE), no value byte
            0x00,
            0x00,
        ]
        let header = PageHeader(
            type: .dictionaryPage, uncompressedPageSize: 8, compressedPageSize: 8, crc: -1,
            dictionaryPageHeader: DictionaryPageHeader(numValues: 1, encoding: .plain, isSorted: true))
        #expect(header.encoded() == bytes)
        #expect(try PageHeader.decode(bytes) == header)
    }

    /// FileMetaData { version: 1, schema: [{ name: "schema", num_children: 0 }],
    /// num_rows: 0, row_groups: [], created_by: "swift" }
    static let fileMetaDataBytes: [UInt8] = [
        0x15, 0x02,  // 1: version, zigzag(1) = 2
        0x19, 0x1C,  // 2: schema, list header: 1 element of type struct (12)
        0x48, 0x06, 0x73, 0x63, 0x68, 0x65, 0x6D, 0x61,  //   4: name (delta 4, binary): len 6 "schema"
        0x15, 0x00,  //   5: num_children 0
        0x00,  //   stop SchemaElement
        0x16, 0x00,  // 3: num_rows, i64 0
        0x19, 0x0C,  // 4: row_groups, empty list of structs
        0x28, 0x05, 0x73, 0x77, 0x69, 0x66, 0x74,  // 6: created_by (delta 2): len 5 "swift"
        0x00,  // stop FileMetaData
    ]

    static let fileMetaData = FileMetaData(
        version: 1, schema: [SchemaElement(name: "schema", numChildren: 0)], numRows: 0, rowGroups: [],
        createdBy: "swift")

    @Test func fileMetaDataEncodes() {
        #expect(Self.fileMetaData.encoded() == Self.fileMetaDataBytes)
    }

    @Test func fileMetaDataDecodes() throws {
        #expect(try FileMetaData.decode(Self.fileMetaDataBytes) == Self.fileMetaData)
    }

    @Test func logicalTypes() {
        // STRING (field 1): empty struct = header 0x1C + stop, then the union's stop.
        #expect(LogicalType.string.encoded() == [0x1C, 0x00, 0x00])
        // TIMESTAMP (field 8) { isAdjustedToUTC (1): true, unit (2): MICROS (2) {} }
        #expect(
            LogicalType.timestamp(isAdjustedToUTC: true, unit: .micros).encoded()
                == [0x8C, 0x11, 0x1C, 0x2C, 0x00, 0x00, 0x00, 0x00])
        // INTEGER (field 10) { bitWidth (1): i8 8 as a raw byte, isSigned (2): false }
        #expect(LogicalType.integer(bitWidth: 8, isSigned: false).encoded() == [0xAC, 0x13, 0x08, 0x12, 0x00, 0x00])
        // DECIMAL (field 5) { scale (1): 2, precision (2): 10 }
        #expect(LogicalType.decimal(scale: 2, precision: 10).encoded() == [0x5C, 0x15, 0x04, 0x15, 0x14, 0x00, 0x00])
        // GEOMETRY is field 17: delta 17 needs the long form 0x0C + zigzag(17) = 34.
        #expect(LogicalType.geometry().encoded() == [0x0C, 0x22, 0x00, 0x00])
        #expect(
            LogicalType.geography(crs: "c", algorithm: .vincenty).encoded()
                == [0x0C, 0x24, 0x18, 0x01, 0x63, 0x15, 0x02, 0x00, 0x00])
    }

    @Test func columnOrderAndColumnIndex() {
        #expect(ColumnOrder.typeDefinedOrder.encoded() == [0x1C, 0x00, 0x00])
        // null_pages as list<bool> with element type 1 and 1/2 values, like parquet-cpp.
        let index = ColumnIndex(
            nullPages: [false, true], minValues: [[1], []], maxValues: [[9], []], boundaryOrder: .ascending)
        #expect(
            index.encoded() == [
                0x19, 0x21, 0x02, 0x01,  // 1: null_pages [false, true]
                0x19, 0x28, 0x01, 0x01, 0x00,  // 2: min_values [[1], []]
                0x19, 0x28, 0x01, 0x09, 0x00,  // 3: max_values [[9], []]
                0x15, 0x02,  // 4: boundary_order ASCENDING = 1
                0x00,
            ])
    }

    @Test func columnChunkAlwaysWritesRequiredFileOffset() {
        // 2: file_offset (delta 2, i64) = 0, even though it is deprecated.
        #expect(ColumnChunk().encoded() == [0x26, 0x00, 0x00])
    }
}
