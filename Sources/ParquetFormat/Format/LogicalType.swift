/// The logical type annotation of a schema element (parquet.thrift union `LogicalType`),
/// which says how to interpret the physical values.
///
/// Writers also set the matching `ConvertedType`, where there is one, for older readers.
public enum LogicalType: ThriftCodable, Hashable {
    /// UTF-8 text in a BYTE_ARRAY.
    case string
    /// A map of key-value pairs (a group of a repeated `key_value` group).
    case map
    /// A list (a group of a repeated `list` group of `element`).
    case list
    /// An enum value as UTF-8 text (thrift `ENUM`).
    case enumeration
    /// A decimal `unscaled * 10^-scale` in INT32, INT64, BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY.
    case decimal(scale: Int32, precision: Int32)
    /// Days since the Unix epoch in INT32.
    case date
    /// Time of day: INT32 for milliseconds, INT64 for micro- and nanoseconds.
    case time(isAdjustedToUTC: Bool, unit: TimeUnit)
    /// Time since the Unix epoch in INT64.
    case timestamp(isAdjustedToUTC: Bool, unit: TimeUnit)
    /// An integer of 8, 16, 32 or 64 bits in INT32 or INT64.
    case integer(bitWidth: Int8, isSigned: Bool)
    /// A column whose values are all null (thrift `UNKNOWN`, struct `NullType`).
    case unknown
    /// JSON text in a BYTE_ARRAY.
    case json
    /// BSON documents in a BYTE_ARRAY.
    case bson
    /// A UUID in a FIXED_LEN_BYTE_ARRAY(16).
    case uuid
    /// A half-precision float in a FIXED_LEN_BYTE_ARRAY(2).
    case float16
    /// A semi-structured value (metadata and value binaries) in a group.
    case variant(specificationVersion: Int8? = nil)
    /// Well-known binary geometry with linear edges; a nil `crs` means OGC:CRS84.
    case geometry(crs: String? = nil)
    /// Well-known binary geography; nil `crs` means OGC:CRS84, nil `algorithm` means spherical.
    case geography(crs: String? = nil, algorithm: EdgeInterpolationAlgorithm? = nil)
    /// A fixed-size vector; see `FieldRepetitionType.vector`.
    case vector
    /// A logical type added to the format after this library was written.
    case unrecognized(UnrecognizedUnionMember)

    public static var thriftName: String { "LogicalType" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "STRING"
        case 2: "MAP"
        case 3: "LIST"
        case 4: "ENUM"
        case 5: "DECIMAL"
        case 6: "DATE"
        case 7: "TIME"
        case 8: "TIMESTAMP"
        case 10: "INTEGER"
        case 11: "UNKNOWN"
        case 12: "JSON"
        case 13: "BSON"
        case 14: "UUID"
        case 15: "FLOAT16"
        case 16: "VARIANT"
        case 17: "GEOMETRY"
        case 18: "GEOGRAPHY"
        case 19: "VECTOR"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        switch self {
        case .string: encoder.writeEmptyStructField(1)
        case .map: encoder.writeEmptyStructField(2)
        case .list: encoder.writeEmptyStructField(3)
        case .enumeration: encoder.writeEmptyStructField(4)
        case .decimal(let scale, let precision):
            encoder.writeField(5, struct: DecimalTypeMember(scale: scale, precision: precision))
        case .date: encoder.writeEmptyStructField(6)
        case .time(let isAdjustedToUTC, let unit):
            encoder.writeField(7, struct: TimeTypeMember(isAdjustedToUTC: isAdjustedToUTC, unit: unit))
        case .timestamp(let isAdjustedToUTC, let unit):
            encoder.writeField(8, struct: TimestampTypeMember(isAdjustedToUTC: isAdjustedToUTC, unit: unit))
        case .integer(let bitWidth, let isSigned):
            encoder.writeField(10, struct: IntTypeMember(bitWidth: bitWidth, isSigned: isSigned))
        case .unknown: encoder.writeEmptyStructField(11)
        case .json: encoder.writeEmptyStructField(12)
        case .bson: encoder.writeEmptyStructField(13)
        case .uuid: encoder.writeEmptyStructField(14)
        case .float16: encoder.writeEmptyStructField(15)
        case .variant(let specificationVersion):
            encoder.writeField(16, struct: VariantTypeMember(specificationVersion: specificationVersion))
        case .geometry(let crs):
            encoder.writeField(17, struct: GeometryTypeMember(crs: crs))
        case .geography(let crs, let algorithm):
            encoder.writeField(18, struct: GeographyTypeMember(crs: crs, algorithm: algorithm))
        case .vector: encoder.writeEmptyStructField(19)
        case .unrecognized(let member): encoder.writeUnrecognizedMember(member)
        }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        self = try decoder.readUnion(Self.self, unrecognized: Self.unrecognized) {
            (decoder: inout CompactDecoder, field: FieldHeader) throws(ThriftDecodingError) -> Self? in
            guard field.type == .struct else { return nil }
            switch field.id {
            case 1: return try decoder.readEmptyStruct(as: .string)
            case 2: return try decoder.readEmptyStruct(as: .map)
            case 3: return try decoder.readEmptyStruct(as: .list)
            case 4: return try decoder.readEmptyStruct(as: .enumeration)
            case 5:
                let member = try decoder.readStruct(DecimalTypeMember.self)
                return .decimal(scale: member.scale, precision: member.precision)
            case 6: return try decoder.readEmptyStruct(as: .date)
            case 7:
                let member = try decoder.readStruct(TimeTypeMember.self)
                return .time(isAdjustedToUTC: member.isAdjustedToUTC, unit: member.unit)
            case 8:
                let member = try decoder.readStruct(TimestampTypeMember.self)
                return .timestamp(isAdjustedToUTC: member.isAdjustedToUTC, unit: member.unit)
            case 10:
                let member = try decoder.readStruct(IntTypeMember.self)
                return .integer(bitWidth: member.bitWidth, isSigned: member.isSigned)
            case 11: return try decoder.readEmptyStruct(as: .unknown)
            case 12: return try decoder.readEmptyStruct(as: .json)
            case 13: return try decoder.readEmptyStruct(as: .bson)
            case 14: return try decoder.readEmptyStruct(as: .uuid)
            case 15: return try decoder.readEmptyStruct(as: .float16)
            case 16:
                let member = try decoder.readStruct(VariantTypeMember.self)
                return .variant(specificationVersion: member.specificationVersion)
            case 17:
                let member = try decoder.readStruct(GeometryTypeMember.self)
                return .geometry(crs: member.crs)
            case 18:
                let member = try decoder.readStruct(GeographyTypeMember.self)
                return .geography(crs: member.crs, algorithm: member.algorithm)
            case 19: return try decoder.readEmptyStruct(as: .vector)
            default: return nil
            }
        }
    }
}
