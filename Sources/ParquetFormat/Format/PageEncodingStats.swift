/// How many pages of a column chunk have a given page type and encoding.
public struct PageEncodingStats: ThriftCodable, Hashable {
    /// The page type counted.
    public var pageType: PageType
    /// The encoding of those pages' values.
    public var encoding: Encoding
    /// Number of such pages.
    public var count: Int32

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        pageType: PageType,
        encoding: Encoding,
        count: Int32
    ) {
        self.pageType = pageType
        self.encoding = encoding
        self.count = count
    }

    public static var thriftName: String { "PageEncodingStats" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "page_type"
        case 2: "encoding"
        case 3: "count"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, enum: pageType)
        encoder.writeField(2, enum: encoding)
        encoder.writeField(3, i32: count)
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var pageType: PageType?
        var encoding: Encoding?
        var count: Int32?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .i32): pageType = try decoder.readEnum(PageType.self)
            case (2, .i32): encoding = try decoder.readEnum(Encoding.self)
            case (3, .i32): count = try decoder.readI32()
            default: try decoder.skip(field)
            }
        }
        self.init(
            pageType: try decoder.requiredField(pageType, id: 1),
            encoding: try decoder.requiredField(encoding, id: 2),
            count: try decoder.requiredField(count, id: 3))
        decoder.endStruct()
    }
}
