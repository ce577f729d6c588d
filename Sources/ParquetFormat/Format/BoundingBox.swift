/// The bounding box of GEOMETRY or GEOGRAPHY values: the min/max coordinate on each axis.
public struct BoundingBox: ThriftCodable, Hashable {
    /// Smallest X (longitude).
    public var xmin: Double
    /// Largest X (longitude).
    public var xmax: Double
    /// Smallest Y (latitude).
    public var ymin: Double
    /// Largest Y (latitude).
    public var ymax: Double
    /// Smallest Z, when the geometries have one.
    public var zmin: Double?
    /// Largest Z, when the geometries have one.
    public var zmax: Double?
    /// Smallest M (measure), when the geometries have one.
    public var mmin: Double?
    /// Largest M (measure), when the geometries have one.
    public var mmax: Double?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        xmin: Double,
        xmax: Double,
        ymin: Double,
        ymax: Double,
        zmin: Double? = nil,
        zmax: Double? = nil,
        mmin: Double? = nil,
        mmax: Double? = nil
    ) {
        self.xmin = xmin
        self.xmax = xmax
        self.ymin = ymin
        self.ymax = ymax
        self.zmin = zmin
        self.zmax = zmax
        self.mmin = mmin
        self.mmax = mmax
    }

    public static var thriftName: String { "BoundingBox" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "xmin"
        case 2: "xmax"
        case 3: "ymin"
        case 4: "ymax"
        case 5: "zmin"
        case 6: "zmax"
        case 7: "mmin"
        case 8: "mmax"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, double: xmin)
        encoder.writeField(2, double: xmax)
        encoder.writeField(3, double: ymin)
        encoder.writeField(4, double: ymax)
        if let zmin { encoder.writeField(5, double: zmin) }
        if let zmax { encoder.writeField(6, double: zmax) }
        if let mmin { encoder.writeField(7, double: mmin) }
        if let mmax { encoder.writeField(8, double: mmax) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var xmin: Double?
        var xmax: Double?
        var ymin: Double?
        var ymax: Double?
        var zmin: Double?
        var zmax: Double?
        var mmin: Double?
        var mmax: Double?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .double): xmin = try decoder.readDouble()
            case (2, .double): xmax = try decoder.readDouble()
            case (3, .double): ymin = try decoder.readDouble()
            case (4, .double): ymax = try decoder.readDouble()
            case (5, .double): zmin = try decoder.readDouble()
            case (6, .double): zmax = try decoder.readDouble()
            case (7, .double): mmin = try decoder.readDouble()
            case (8, .double): mmax = try decoder.readDouble()
            default: try decoder.skip(field)
            }
        }
        self.init(
            xmin: try decoder.requiredField(xmin, id: 1),
            xmax: try decoder.requiredField(xmax, id: 2),
            ymin: try decoder.requiredField(ymin, id: 3),
            ymax: try decoder.requiredField(ymax, id: 4),
            zmin: zmin,
            zmax: zmax,
            mmin: mmin,
            mmax: mmax)
        decoder.endStruct()
    }
}
