/// Metadata of one column chunk.
public struct ColumnMetaData: ThriftCodable, Hashable {
    /// Physical type of the column.
    public var type: PhysicalType

    /// All encodings used in the column chunk.
    public var encodings: [Encoding]

    /// Names from the schema root down to the leaf.
    public var pathInSchema: [String]

    /// The codec of the chunk's pages.
    public var codec: CompressionCodec
    /// Number of values, including nulls.
    public var numValues: Int64

    /// Total uncompressed size of all pages, including headers.
    public var totalUncompressedSize: Int64

    /// Total compressed (and possibly encrypted) size of all pages, including headers.
    public var totalCompressedSize: Int64

    /// Optional key-value pairs for the column chunk.
    public var keyValueMetadata: [KeyValue]?
    /// File offset of the first data page.
    public var dataPageOffset: Int64

    /// File offset of the root index page.
    public var indexPageOffset: Int64?

    /// File offset of the dictionary page.
    public var dictionaryPageOffset: Int64?

    /// Statistics of the whole column chunk.
    public var statistics: Statistics?

    /// Page counts per page type and encoding, e.g. to tell whether all data pages are dictionary
    /// encoded.
    public var encodingStats: [PageEncodingStats]?

    /// File offset of the Bloom filter data.
    public var bloomFilterOffset: Int64?

    /// Size of the Bloom filter data including its header, so readers can fetch it in one read.
    public var bloomFilterLength: Int32?

    /// Unencoded sizes and level histograms of the chunk.
    public var sizeStatistics: SizeStatistics?
    /// Bounding box and geometry types of a GEOMETRY or GEOGRAPHY chunk.
    public var geospatialStatistics: GeospatialStatistics?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        type: PhysicalType,
        encodings: [Encoding],
        pathInSchema: [String],
        codec: CompressionCodec,
        numValues: Int64,
        totalUncompressedSize: Int64,
        totalCompressedSize: Int64,
        keyValueMetadata: [KeyValue]? = nil,
        dataPageOffset: Int64,
        indexPageOffset: Int64? = nil,
        dictionaryPageOffset: Int64? = nil,
        statistics: Statistics? = nil,
        encodingStats: [PageEncodingStats]? = nil,
        bloomFilterOffset: Int64? = nil,
        bloomFilterLength: Int32? = nil,
        sizeStatistics: SizeStatistics? = nil,
        geospatialStatistics: GeospatialStatistics? = nil
    ) {
        self.type = type
        self.encodings = encodings
        self.pathInSchema = pathInSchema
        self.codec = codec
        self.numValues = numValues
        self.totalUncompressedSize = totalUncompressedSize
        self.totalCompressedSize = totalCompressedSize
        self.keyValueMetadata = keyValueMetadata
        self.dataPageOffset = dataPageOffset
        self.indexPageOffset = indexPageOffset
        self.dictionaryPageOffset = dictionaryPageOffset
        self.statistics = statistics
        self.encodingStats = encodingStats
        self.bloomFilterOffset = bloomFilterOffset
        self.bloomFilterLength = bloomFilterLength
        self.sizeStatistics = sizeStatistics
        self.geospatialStatistics = geospatialStatistics
    }

    public static var thriftName: String { "ColumnMetaData" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "type"
        case 2: "encodings"
        case 3: "path_in_schema"
        case 4: "codec"
        case 5: "num_values"
        case 6: "total_uncompressed_size"
        case 7: "total_compressed_size"
        case 8: "key_value_metadata"
        case 9: "data_page_offset"
        case 10: "index_page_offset"
        case 11: "dictionary_page_offset"
        case 12: "statistics"
        case 13: "encoding_stats"
        case 14: "bloom_filter_offset"
        case 15: "bloom_filter_length"
        case 16: "size_statistics"
        case 17: "geospatial_statistics"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, enum: type)
        encoder.writeField(2, enumList: encodings)
        encoder.writeField(3, stringList: pathInSchema)
        encoder.writeField(4, enum: codec)
        encoder.writeField(5, i64: numValues)
        encoder.writeField(6, i64: totalUncompressedSize)
        encoder.writeField(7, i64: totalCompressedSize)
        if let keyValueMetadata { encoder.writeField(8, structList: keyValueMetadata) }
        encoder.writeField(9, i64: dataPageOffset)
        if let indexPageOffset { encoder.writeField(10, i64: indexPageOffset) }
        if let dictionaryPageOffset { encoder.writeField(11, i64: dictionaryPageOffset) }
        if let statistics { encoder.writeField(12, struct: statistics) }
        if let encodingStats { encoder.writeField(13, structList: encodingStats) }
        if let bloomFilterOffset { encoder.writeField(14, i64: bloomFilterOffset) }
        if let bloomFilterLength { encoder.writeField(15, i32: bloomFilterLength) }
        if let sizeStatistics { encoder.writeField(16, struct: sizeStatistics) }
        if let geospatialStatistics { encoder.writeField(17, struct: geospatialStatistics) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var type: PhysicalType?
        var encodings: [Encoding]?
        var pathInSchema: [String]?
        var codec: CompressionCodec?
        var numValues: Int64?
        var totalUncompressedSize: Int64?
        var totalCompressedSize: Int64?
        var keyValueMetadata: [KeyValue]?
        var dataPageOffset: Int64?
        var indexPageOffset: Int64?
        var dictionaryPageOffset: Int64?
        var statistics: Statistics?
        var encodingStats: [PageEncodingStats]?
        var bloomFilterOffset: Int64?
        var bloomFilterLength: Int32?
        var sizeStatistics: SizeStatistics?
        var geospatialStatistics: GeospatialStatistics?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .i32): type = try decoder.readEnum(PhysicalType.self)
            case (2, .list): encodings = try decoder.readEnumList(Encoding.self)
            case (3, .list): pathInSchema = try decoder.readStringList()
            case (4, .i32): codec = try decoder.readEnum(CompressionCodec.self)
            case (5, .i64): numValues = try decoder.readI64()
            case (6, .i64): totalUncompressedSize = try decoder.readI64()
            case (7, .i64): totalCompressedSize = try decoder.readI64()
            case (8, .list): keyValueMetadata = try decoder.readStructList(KeyValue.self)
            case (9, .i64): dataPageOffset = try decoder.readI64()
            case (10, .i64): indexPageOffset = try decoder.readI64()
            case (11, .i64): dictionaryPageOffset = try decoder.readI64()
            case (12, .struct): statistics = try decoder.readStruct(Statistics.self)
            case (13, .list): encodingStats = try decoder.readStructList(PageEncodingStats.self)
            case (14, .i64): bloomFilterOffset = try decoder.readI64()
            case (15, .i32): bloomFilterLength = try decoder.readI32()
            case (16, .struct): sizeStatistics = try decoder.readStruct(SizeStatistics.self)
            case (17, .struct): geospatialStatistics = try decoder.readStruct(GeospatialStatistics.self)
            default: try decoder.skip(field)
            }
        }
        self.init(
            type: try decoder.requiredField(type, id: 1),
            encodings: try decoder.requiredField(encodings, id: 2),
            pathInSchema: try decoder.requiredField(pathInSchema, id: 3),
            codec: try decoder.requiredField(codec, id: 4),
            numValues: try decoder.requiredField(numValues, id: 5),
            totalUncompressedSize: try decoder.requiredField(totalUncompressedSize, id: 6),
            totalCompressedSize: try decoder.requiredField(totalCompressedSize, id: 7),
            keyValueMetadata: keyValueMetadata,
            dataPageOffset: try decoder.requiredField(dataPageOffset, id: 9),
            indexPageOffset: indexPageOffset,
            dictionaryPageOffset: dictionaryPageOffset,
            statistics: statistics,
            encodingStats: encodingStats,
            bloomFilterOffset: bloomFilterOffset,
            bloomFilterLength: bloomFilterLength,
            sizeStatistics: sizeStatistics,
            geospatialStatistics: geospatialStatistics)
        decoder.endStruct()
    }
}
