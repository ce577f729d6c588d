// Structs that are members of the LogicalType union and have fields. LogicalType
// exposes their fields as associated values, so these stay internal.

/// parquet.thrift `DecimalType`.
struct DecimalTypeMember: ThriftCodable, Hashable {
    var scale: Int32
    var precision: Int32

    init(
        scale: Int32,
        precision: Int32
    ) {
        self.scale = scale
        self.precision = precision
    }

    static var thriftName: String { "DecimalType" }

    static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "scale"
        case 2: "precision"
        default: nil
        }
    }

    func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, i32: scale)
        encoder.writeField(2, i32: precision)
        encoder.endStruct()
    }

    init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var scale: Int32?
        var precision: Int32?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .i32): scale = try decoder.readI32()
            case (2, .i32): precision = try decoder.readI32()
            default: try decoder.skip(field)
            }
        }
        self.init(
            scale: try decoder.requiredField(scale, id: 1),
            precision: try decoder.requiredField(precision, id: 2))
        decoder.endStruct()
    }
}

/// parquet.thrift `TimeType`.
struct TimeTypeMember: ThriftCodable, Hashable {
    var isAdjustedToUTC: Bool
    var unit: TimeUnit

    init(
        isAdjustedToUTC: Bool,
        unit: TimeUnit
    ) {
        self.isAdjustedToUTC = isAdjustedToUTC
        self.unit = unit
    }

    static var thriftName: String { "TimeType" }

    static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "isAdjustedToUTC"
        case 2: "unit"
        default: nil
        }
    }

    func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, bool: isAdjustedToUTC)
        encoder.writeField(2, struct: unit)
        encoder.endStruct()
    }

    init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var isAdjustedToUTC: Bool?
        var unit: TimeUnit?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .bool): isAdjustedToUTC = field.boolValue
            case (2, .struct): unit = try decoder.readStruct(TimeUnit.self)
            default: try decoder.skip(field)
            }
        }
        self.init(
            isAdjustedToUTC: try decoder.requiredField(isAdjustedToUTC, id: 1),
            unit: try decoder.requiredField(unit, id: 2))
        decoder.endStruct()
    }
}

/// parquet.thrift `TimestampType`.
struct TimestampTypeMember: ThriftCodable, Hashable {
    var isAdjustedToUTC: Bool
    var unit: TimeUnit

    init(
        isAdjustedToUTC: Bool,
        unit: TimeUnit
    ) {
        self.isAdjustedToUTC = isAdjustedToUTC
        self.unit = unit
    }

    static var thriftName: String { "TimestampType" }

    static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "isAdjustedToUTC"
        case 2: "unit"
        default: nil
        }
    }

    func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, bool: isAdjustedToUTC)
        encoder.writeField(2, struct: unit)
        encoder.endStruct()
    }

    init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var isAdjustedToUTC: Bool?
        var unit: TimeUnit?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .bool): isAdjustedToUTC = field.boolValue
            case (2, .struct): unit = try decoder.readStruct(TimeUnit.self)
            default: try decoder.skip(field)
            }
        }
        self.init(
            isAdjustedToUTC: try decoder.requiredField(isAdjustedToUTC, id: 1),
            unit: try decoder.requiredField(unit, id: 2))
        decoder.endStruct()
    }
}

/// parquet.thrift `IntType`.
struct IntTypeMember: ThriftCodable, Hashable {
    var bitWidth: Int8
    var isSigned: Bool

    init(
        bitWidth: Int8,
        isSigned: Bool
    ) {
        self.bitWidth = bitWidth
        self.isSigned = isSigned
    }

    static var thriftName: String { "IntType" }

    static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "bitWidth"
        case 2: "isSigned"
        default: nil
        }
    }

    func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, i8: bitWidth)
        encoder.writeField(2, bool: isSigned)
        encoder.endStruct()
    }

    init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var bitWidth: Int8?
        var isSigned: Bool?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .i8): bitWidth = try decoder.readI8()
            case (2, .bool): isSigned = field.boolValue
            default: try decoder.skip(field)
            }
        }
        self.init(
            bitWidth: try decoder.requiredField(bitWidth, id: 1),
            isSigned: try decoder.requiredField(isSigned, id: 2))
        decoder.endStruct()
    }
}

/// parquet.thrift `VariantType`.
struct VariantTypeMember: ThriftCodable, Hashable {
    var specificationVersion: Int8?

    init(
        specificationVersion: Int8? = nil
    ) {
        self.specificationVersion = specificationVersion
    }

    static var thriftName: String { "VariantType" }

    static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "specification_version"
        default: nil
        }
    }

    func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        if let specificationVersion { encoder.writeField(1, i8: specificationVersion) }
        encoder.endStruct()
    }

    init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var specificationVersion: Int8?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .i8): specificationVersion = try decoder.readI8()
            default: try decoder.skip(field)
            }
        }
        self.init(
            specificationVersion: specificationVersion)
        decoder.endStruct()
    }
}

/// parquet.thrift `GeometryType`.
struct GeometryTypeMember: ThriftCodable, Hashable {
    var crs: String?

    init(
        crs: String? = nil
    ) {
        self.crs = crs
    }

    static var thriftName: String { "GeometryType" }

    static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "crs"
        default: nil
        }
    }

    func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        if let crs { encoder.writeField(1, string: crs) }
        encoder.endStruct()
    }

    init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var crs: String?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .binary): crs = try decoder.readString()
            default: try decoder.skip(field)
            }
        }
        self.init(
            crs: crs)
        decoder.endStruct()
    }
}

/// parquet.thrift `GeographyType`.
struct GeographyTypeMember: ThriftCodable, Hashable {
    var crs: String?
    var algorithm: EdgeInterpolationAlgorithm?

    init(
        crs: String? = nil,
        algorithm: EdgeInterpolationAlgorithm? = nil
    ) {
        self.crs = crs
        self.algorithm = algorithm
    }

    static var thriftName: String { "GeographyType" }

    static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "crs"
        case 2: "algorithm"
        default: nil
        }
    }

    func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        if let crs { encoder.writeField(1, string: crs) }
        if let algorithm { encoder.writeField(2, enum: algorithm) }
        encoder.endStruct()
    }

    init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var crs: String?
        var algorithm: EdgeInterpolationAlgorithm?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .binary): crs = try decoder.readString()
            case (2, .i32): algorithm = try decoder.readEnum(EdgeInterpolationAlgorithm.self)
            default: try decoder.skip(field)
            }
        }
        self.init(
            crs: crs,
            algorithm: algorithm)
        decoder.endStruct()
    }
}
