@testable import ParquetFormat

/// Values of every parquet.thrift type: `full` ones set every field, `minimal`
/// ones only the required fields.
enum Fixtures {
    static let fullStatistics = Statistics(
        max: [0x7F, 0xFF], min: [0x00], nullCount: 3, distinctCount: 42,
        maxValue: Array("zebra".utf8), minValue: Array("aardvark".utf8),
        isMaxValueExact: true, isMinValueExact: false, nanCount: 0)

    static let fullSizeStatistics = SizeStatistics(
        unencodedByteArrayDataBytes: 1234, repetitionLevelHistogram: [5, 6],
        definitionLevelHistogram: Array(0..<20))

    static let fullBoundingBox = BoundingBox(
        xmin: -180, xmax: 180, ymin: -90, ymax: 90, zmin: -1.5, zmax: 8848.86, mmin: 0, mmax: 1e300)

    static let minimalBoundingBox = BoundingBox(xmin: 1, xmax: 2, ymin: 3, ymax: 4)

    static let fullGeospatialStatistics = GeospatialStatistics(
        boundingBox: fullBoundingBox, geospatialTypes: [1, 3, 1001])

    static let fullSchemaElement = SchemaElement(
        type: .fixedLenByteArray, typeLength: 16, repetitionType: .optional, name: "amount",
        numChildren: 0, convertedType: .decimal, scale: 2, precision: 30, fieldID: 7,
        logicalType: .decimal(scale: 2, precision: 30), vectorLength: 4)

    static let fullDataPageHeader = DataPageHeader(
        numValues: 1000, encoding: .rleDictionary, definitionLevelEncoding: .rle,
        repetitionLevelEncoding: .bitPacked, statistics: fullStatistics)

    static let fullDictionaryPageHeader = DictionaryPageHeader(numValues: 17, encoding: .plain, isSorted: false)

    static let fullDataPageHeaderV2 = DataPageHeaderV2(
        numValues: 100, numNulls: 10, numRows: 90, encoding: .deltaBinaryPacked,
        definitionLevelsByteLength: 12, repetitionLevelsByteLength: 0, isCompressed: false,
        statistics: fullStatistics)

    static let fullBloomFilterHeader = BloomFilterHeader(
        numBytes: 4096, algorithm: .splitBlock, hash: .xxHash, compression: .uncompressed)

    static let fullPageHeader = PageHeader(
        type: .dataPage, uncompressedPageSize: 65536, compressedPageSize: 30000, crc: -123_456_789,
        dataPageHeader: fullDataPageHeader, indexPageHeader: IndexPageHeader(),
        dictionaryPageHeader: fullDictionaryPageHeader, dataPageHeaderV2: fullDataPageHeaderV2)

    static let minimalPageHeader = PageHeader(type: .indexPage, uncompressedPageSize: 0, compressedPageSize: 0)

    static let fullKeyValue = KeyValue(key: "ARROW:schema", value: "/////w==")

    static let fullSortingColumn = SortingColumn(columnIndex: 2, descending: true, nullsFirst: false)

    static let fullPageEncodingStats = PageEncodingStats(pageType: .dictionaryPage, encoding: .plain, count: 1)

    static let fullColumnMetaData = ColumnMetaData(
        type: .byteArray, encodings: [.plain, .rle, .rleDictionary], pathInSchema: ["a", "b", "c"],
        codec: .zstd, numValues: 1_000_000, totalUncompressedSize: 5_000_000_000,
        totalCompressedSize: 1_000_000_000, keyValueMetadata: [fullKeyValue],
        dataPageOffset: 4_000_000_000, indexPageOffset: 10, dictionaryPageOffset: 4,
        statistics: fullStatistics,
        encodingStats: [
            fullPageEncodingStats, PageEncodingStats(pageType: .dataPage, encoding: .rleDictionary, count: 20),
        ],
        bloomFilterOffset: 123_456, bloomFilterLength: 4128, sizeStatistics: fullSizeStatistics,
        geospatialStatistics: fullGeospatialStatistics)

    static let minimalColumnMetaData = ColumnMetaData(
        type: .int64, encodings: [], pathInSchema: ["x"], codec: .uncompressed, numValues: 0,
        totalUncompressedSize: 0, totalCompressedSize: 0, dataPageOffset: 4)

    static let fullEncryptionWithColumnKey = EncryptionWithColumnKey(pathInSchema: ["a", "b"], keyMetadata: [1, 2, 3])

    static let fullColumnChunk = ColumnChunk(
        filePath: "part-0.parquet", fileOffset: 0, metaData: fullColumnMetaData,
        offsetIndexOffset: 900, offsetIndexLength: 40, columnIndexOffset: 800, columnIndexLength: 100,
        cryptoMetadata: .encryptionWithColumnKey(fullEncryptionWithColumnKey),
        encryptedColumnMetadata: [0xDE, 0xAD, 0xBE, 0xEF])

    static let fullRowGroup = RowGroup(
        columns: [fullColumnChunk, ColumnChunk(metaData: minimalColumnMetaData)], totalByteSize: 6_000_000_000,
        numRows: 1_000_000, sortingColumns: [fullSortingColumn], fileOffset: 4,
        totalCompressedSize: 1_000_000_000, ordinal: -2)

    static let fullPageLocation = PageLocation(offset: 4, compressedPageSize: 1024, firstRowIndex: 0)

    static let fullOffsetIndex = OffsetIndex(
        pageLocations: [fullPageLocation, PageLocation(offset: 1028, compressedPageSize: 999, firstRowIndex: 100)],
        unencodedByteArrayDataBytes: [10, 20])

    static let fullColumnIndex = ColumnIndex(
        nullPages: [false, true, false], minValues: [[1], [], [3]], maxValues: [[2], [], [4]],
        boundaryOrder: .ascending, nullCounts: [0, 7, 1], repetitionLevelHistograms: [1, 2, 3, 4, 5, 6],
        definitionLevelHistograms: [6, 5, 4, 3, 2, 1], nanCounts: [0, 0, 0])

    static let fullAesGcmParameters = AesGcmParameters(
        aadPrefix: Array("prefix".utf8), aadFileUnique: [9, 8, 7], supplyAadPrefix: true)

    static let allLogicalTypes: [LogicalType] = [
        .string, .map, .list, .enumeration, .decimal(scale: 3, precision: 9), .date,
        .time(isAdjustedToUTC: false, unit: .millis), .time(isAdjustedToUTC: true, unit: .nanos),
        .timestamp(isAdjustedToUTC: true, unit: .micros), .integer(bitWidth: 16, isSigned: false),
        .integer(bitWidth: 64, isSigned: true), .unknown, .json, .bson, .uuid, .float16,
        .variant(), .variant(specificationVersion: 1), .geometry(), .geometry(crs: "OGC:CRS84"),
        .geography(), .geography(crs: "srid:4326", algorithm: .karney), .vector,
    ]

    static let fullFileMetaData = FileMetaData(
        version: 1,
        schema: [
            SchemaElement(name: "schema", numChildren: 2),
            fullSchemaElement,
            SchemaElement(
                type: .int64, repetitionType: .required, name: "ts",
                logicalType: .timestamp(isAdjustedToUTC: true, unit: .micros)),
        ],
        numRows: 1_000_000, rowGroups: [fullRowGroup, fullRowGroup],
        keyValueMetadata: [fullKeyValue, KeyValue(key: "no value")], createdBy: "swift-voparquet version 0.1",
        columnOrders: [.typeDefinedOrder, .ieee754TotalOrder], encryptionAlgorithm: .aesGcmV1(fullAesGcmParameters),
        footerSigningKeyMetadata: [0x01])

    static let minimalFileMetaData = FileMetaData(
        version: 2, schema: [SchemaElement(name: "root")], numRows: 0, rowGroups: [])
}
