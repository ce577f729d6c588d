/// Statistics for GEOMETRY and GEOGRAPHY columns.
public struct GeospatialStatistics: ThriftCodable, Hashable {
    /// The bounding box of all values.
    public var boundingBox: BoundingBox?

    /// Geospatial type codes of all values, or an empty list if not known.
    public var geospatialTypes: [Int32]?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        boundingBox: BoundingBox? = nil,
        geospatialTypes: [Int32]? = nil
    ) {
        self.boundingBox = boundingBox
        self.geospatialTypes = geospatialTypes
    }

    public static var thriftName: String { "GeospatialStatistics" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "bbox"
        case 2: "geospatial_types"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        if let boundingBox { encoder.writeField(1, struct: boundingBox) }
        if let geospatialTypes { encoder.writeField(2, i32List: geospatialTypes) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var boundingBox: BoundingBox?
        var geospatialTypes: [Int32]?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .struct): boundingBox = try decoder.readStruct(BoundingBox.self)
            case (2, .list): geospatialTypes = try decoder.readI32List()
            default: try decoder.skip(field)
            }
        }
        self.init(
            boundingBox: boundingBox,
            geospatialTypes: geospatialTypes)
        decoder.endStruct()
    }
}
