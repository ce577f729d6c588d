/// Locations of the data pages of a column chunk (part of the page index).
public struct OffsetIndex: ThriftCodable, Hashable {
    /// Pages in file order.
    public var pageLocations: [PageLocation]

    /// Per page, as `SizeStatistics.unencodedByteArrayDataBytes`.
    public var unencodedByteArrayDataBytes: [Int64]?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        pageLocations: [PageLocation],
        unencodedByteArrayDataBytes: [Int64]? = nil
    ) {
        self.pageLocations = pageLocations
        self.unencodedByteArrayDataBytes = unencodedByteArrayDataBytes
    }

    public static var thriftName: String { "OffsetIndex" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "page_locations"
        case 2: "unencoded_byte_array_data_bytes"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, structList: pageLocations)
        if let unencodedByteArrayDataBytes { encoder.writeField(2, i64List: unencodedByteArrayDataBytes) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var pageLocations: [PageLocation]?
        var unencodedByteArrayDataBytes: [Int64]?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .list): pageLocations = try decoder.readStructList(PageLocation.self)
            case (2, .list): unencodedByteArrayDataBytes = try decoder.readI64List()
            default: try decoder.skip(field)
            }
        }
        self.init(
            pageLocations: try decoder.requiredField(pageLocations, id: 1),
            unencodedByteArrayDataBytes: unencodedByteArrayDataBytes)
        decoder.endStruct()
    }
}
