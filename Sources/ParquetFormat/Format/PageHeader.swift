/// The header in front of every page. Exactly one of the page-specific headers is set, as `type`
/// says.
public struct PageHeader: ThriftCodable, Hashable {
    /// The kind of page, which says which header below is set.
    public var type: PageType

    /// Uncompressed page size in bytes, excluding this header.
    public var uncompressedPageSize: Int32

    /// Compressed (and possibly encrypted) page size in bytes, excluding this header.
    public var compressedPageSize: Int32

    /// CRC-32 (the GZIP polynomial) of the page bytes after this header, as stored (after
    /// compression).
    public var crc: Int32?

    /// Set for `DATA_PAGE`.
    public var dataPageHeader: DataPageHeader?
    /// Set for `INDEX_PAGE`.
    public var indexPageHeader: IndexPageHeader?
    /// Set for `DICTIONARY_PAGE`.
    public var dictionaryPageHeader: DictionaryPageHeader?
    /// Set for `DATA_PAGE_V2`.
    public var dataPageHeaderV2: DataPageHeaderV2?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        type: PageType,
        uncompressedPageSize: Int32,
        compressedPageSize: Int32,
        crc: Int32? = nil,
        dataPageHeader: DataPageHeader? = nil,
        indexPageHeader: IndexPageHeader? = nil,
        dictionaryPageHeader: DictionaryPageHeader? = nil,
        dataPageHeaderV2: DataPageHeaderV2? = nil
    ) {
        self.type = type
        self.uncompressedPageSize = uncompressedPageSize
        self.compressedPageSize = compressedPageSize
        self.crc = crc
        self.dataPageHeader = dataPageHeader
        self.indexPageHeader = indexPageHeader
        self.dictionaryPageHeader = dictionaryPageHeader
        self.dataPageHeaderV2 = dataPageHeaderV2
    }

    public static var thriftName: String { "PageHeader" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "type"
        case 2: "uncompressed_page_size"
        case 3: "compressed_page_size"
        case 4: "crc"
        case 5: "data_page_header"
        case 6: "index_page_header"
        case 7: "dictionary_page_header"
        case 8: "data_page_header_v2"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, enum: type)
        encoder.writeField(2, i32: uncompressedPageSize)
        encoder.writeField(3, i32: compressedPageSize)
        if let crc { encoder.writeField(4, i32: crc) }
        if let dataPageHeader { encoder.writeField(5, struct: dataPageHeader) }
        if let indexPageHeader { encoder.writeField(6, struct: indexPageHeader) }
        if let dictionaryPageHeader { encoder.writeField(7, struct: dictionaryPageHeader) }
        if let dataPageHeaderV2 { encoder.writeField(8, struct: dataPageHeaderV2) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var type: PageType?
        var uncompressedPageSize: Int32?
        var compressedPageSize: Int32?
        var crc: Int32?
        var dataPageHeader: DataPageHeader?
        var indexPageHeader: IndexPageHeader?
        var dictionaryPageHeader: DictionaryPageHeader?
        var dataPageHeaderV2: DataPageHeaderV2?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .i32): type = try decoder.readEnum(PageType.self)
            case (2, .i32): uncompressedPageSize = try decoder.readI32()
            case (3, .i32): compressedPageSize = try decoder.readI32()
            case (4, .i32): crc = try decoder.readI32()
            case (5, .struct): dataPageHeader = try decoder.readStruct(DataPageHeader.self)
            case (6, .struct): indexPageHeader = try decoder.readStruct(IndexPageHeader.self)
            case (7, .struct): dictionaryPageHeader = try decoder.readStruct(DictionaryPageHeader.self)
            case (8, .struct): dataPageHeaderV2 = try decoder.readStruct(DataPageHeaderV2.self)
            default: try decoder.skip(field)
            }
        }
        self.init(
            type: try decoder.requiredField(type, id: 1),
            uncompressedPageSize: try decoder.requiredField(uncompressedPageSize, id: 2),
            compressedPageSize: try decoder.requiredField(compressedPageSize, id: 3),
            crc: crc,
            dataPageHeader: dataPageHeader,
            indexPageHeader: indexPageHeader,
            dictionaryPageHeader: dictionaryPageHeader,
            dataPageHeaderV2: dataPageHeaderV2)
        decoder.endStruct()
    }
}
