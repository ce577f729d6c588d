import Testing

@testable import ParquetFormat

/// decode(encode(x)) == x, and re-encoding is byte-identical, for every type with
/// all fields set and with only the required fields set.
@Suite struct RoundTripTests {
    @Test func statistics() {
        expectRoundTrip(Fixtures.fullStatistics)
        expectRoundTrip(Statistics())
    }

    @Test func sizeStatistics() {
        expectRoundTrip(Fixtures.fullSizeStatistics)
        expectRoundTrip(SizeStatistics())
    }

    @Test func geospatial() {
        expectRoundTrip(Fixtures.fullBoundingBox)
        expectRoundTrip(Fixtures.minimalBoundingBox)
        expectRoundTrip(Fixtures.fullGeospatialStatistics)
        expectRoundTrip(GeospatialStatistics())
    }

    @Test func schemaElement() {
        expectRoundTrip(Fixtures.fullSchemaElement)
        expectRoundTrip(SchemaElement(name: ""))
    }

    @Test(arguments: Fixtures.allLogicalTypes)
    func logicalType(_ logicalType: LogicalType) {
        expectRoundTrip(logicalType)
        expectRoundTrip(SchemaElement(name: "c", logicalType: logicalType))
    }

    @Test func timeUnit() {
        expectRoundTrip(TimeUnit.millis)
        expectRoundTrip(TimeUnit.micros)
        expectRoundTrip(TimeUnit.nanos)
    }

    @Test func pageHeaders() {
        expectRoundTrip(Fixtures.fullDataPageHeader)
        expectRoundTrip(
            DataPageHeader(numValues: 0, encoding: .plain, definitionLevelEncoding: .rle, repetitionLevelEncoding: .rle)
        )
        expectRoundTrip(Fixtures.fullDictionaryPageHeader)
        expectRoundTrip(DictionaryPageHeader(numValues: 0, encoding: .plainDictionary))
        expectRoundTrip(Fixtures.fullDataPageHeaderV2)
        expectRoundTrip(
            DataPageHeaderV2(
                numValues: 1, numNulls: 0, numRows: 1, encoding: .byteStreamSplit,
                definitionLevelsByteLength: 0, repetitionLevelsByteLength: 0))
        expectRoundTrip(IndexPageHeader())
        expectRoundTrip(Fixtures.fullPageHeader)
        expectRoundTrip(Fixtures.minimalPageHeader)
    }

    @Test func bloomFilterHeader() {
        expectRoundTrip(Fixtures.fullBloomFilterHeader)
        expectRoundTrip(BloomFilterAlgorithm.splitBlock)
        expectRoundTrip(BloomFilterHash.xxHash)
        expectRoundTrip(BloomFilterCompression.uncompressed)
    }

    @Test func smallStructs() {
        expectRoundTrip(Fixtures.fullKeyValue)
        expectRoundTrip(KeyValue(key: "k"))
        expectRoundTrip(Fixtures.fullSortingColumn)
        expectRoundTrip(Fixtures.fullPageEncodingStats)
        expectRoundTrip(Fixtures.fullPageLocation)
    }

    @Test func columnMetaData() {
        expectRoundTrip(Fixtures.fullColumnMetaData)
        expectRoundTrip(Fixtures.minimalColumnMetaData)
    }

    @Test func columnChunk() {
        expectRoundTrip(Fixtures.fullColumnChunk)
        expectRoundTrip(ColumnChunk())
        expectRoundTrip(ColumnChunk(fileOffset: 77, cryptoMetadata: .encryptionWithFooterKey))
    }

    @Test func encryption() {
        expectRoundTrip(Fixtures.fullEncryptionWithColumnKey)
        expectRoundTrip(EncryptionWithColumnKey(pathInSchema: []))
        expectRoundTrip(ColumnCryptoMetaData.encryptionWithFooterKey)
        expectRoundTrip(Fixtures.fullAesGcmParameters)
        expectRoundTrip(AesGcmParameters())
        expectRoundTrip(EncryptionAlgorithm.aesGcmV1(Fixtures.fullAesGcmParameters))
        expectRoundTrip(EncryptionAlgorithm.aesGcmCtrV1(AesGcmParameters()))
        expectRoundTrip(
            FileCryptoMetaData(encryptionAlgorithm: .aesGcmCtrV1(Fixtures.fullAesGcmParameters), keyMetadata: [1]))
        expectRoundTrip(FileCryptoMetaData(encryptionAlgorithm: .aesGcmV1(AesGcmParameters())))
    }

    @Test func rowGroup() {
        expectRoundTrip(Fixtures.fullRowGroup)
        expectRoundTrip(RowGroup(columns: [], totalByteSize: 0, numRows: 0))
    }

    @Test func pageIndex() {
        expectRoundTrip(Fixtures.fullOffsetIndex)
        expectRoundTrip(OffsetIndex(pageLocations: []))
        expectRoundTrip(Fixtures.fullColumnIndex)
        expectRoundTrip(ColumnIndex(nullPages: [], minValues: [], maxValues: [], boundaryOrder: .unordered))
    }

    @Test func columnOrder() {
        expectRoundTrip(ColumnOrder.typeDefinedOrder)
        expectRoundTrip(ColumnOrder.ieee754TotalOrder)
        expectRoundTrip(ColumnOrder.int96TimestampOrder)
    }

    @Test func fileMetaData() {
        expectRoundTrip(Fixtures.fullFileMetaData)
        expectRoundTrip(Fixtures.minimalFileMetaData)
    }

    @Test func longListsUseTheLongFormAndRoundTrip() {
        let schema =
            [SchemaElement(name: "root", numChildren: 20)]
            + (0..<20).map { SchemaElement(type: .int32, repetitionType: .optional, name: "c\($0)") }
        let metadata = FileMetaData(version: 1, schema: schema, numRows: 0, rowGroups: [])
        let bytes = metadata.encoded()
        // Field 1 (i32 1) is 0x15 0x02; field 2 is a list header 0x19, then 0xFC 0x15:
        // long form (0xF0 | struct) with size 21.
        #expect(Array(bytes.prefix(5)) == [0x15, 0x02, 0x19, 0xFC, 0x15])
        expectRoundTrip(metadata)
    }

    @Test func extremeValuesRoundTrip() {
        expectRoundTrip(Statistics(nullCount: .min, distinctCount: .max, nanCount: -1))
        expectRoundTrip(RowGroup(columns: [], totalByteSize: .max, numRows: .min, ordinal: .min))
        expectRoundTrip(
            PageHeader(type: PageType(rawValue: .max), uncompressedPageSize: .min, compressedPageSize: .max))
        expectRoundTrip(BoundingBox(xmin: -.infinity, xmax: .infinity, ymin: -0.0, ymax: .leastNonzeroMagnitude))
    }
}
