/// Where a data page is, for the `OffsetIndex`.
public struct PageLocation: ThriftCodable, Hashable {
    /// File offset of the page.
    public var offset: Int64

    /// Size of the page including its header: `PageHeader.compressedPageSize` plus the header's
    /// size.
    public var compressedPageSize: Int32

    /// Index in the row group of the first row of the page.
    public var firstRowIndex: Int64

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        offset: Int64,
        compressedPageSize: Int32,
        firstRowIndex: Int64
    ) {
        self.offset = offset
        self.compressedPageSize = compressedPageSize
        self.firstRowIndex = firstRowIndex
    }

    public static var thriftName: String { "PageLocation" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "offset"
        case 2: "compressed_page_size"
        case 3: "first_row_index"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, i64: offset)
        encoder.writeField(2, i32: compressedPageSize)
        encoder.writeField(3, i64: firstRowIndex)
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var offset: Int64?
        var compressedPageSize: Int32?
        var firstRowIndex: Int64?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .i64): offset = try decoder.readI64()
            case (2, .i32): compressedPageSize = try decoder.readI32()
            case (3, .i64): firstRowIndex = try decoder.readI64()
            default: try decoder.skip(field)
            }
        }
        self.init(
            offset: try decoder.requiredField(offset, id: 1),
            compressedPageSize: try decoder.requiredField(compressedPageSize, id: 2),
            firstRowIndex: try decoder.requiredField(firstRowIndex, id: 3))
        decoder.endStruct()
    }
}
