/// The unit of TIME and TIMESTAMP logical types (parquet.thrift union `TimeUnit`).
public enum TimeUnit: ThriftCodable, Hashable {
    /// Milliseconds (`MILLIS`).
    case millis
    /// Microseconds (`MICROS`).
    case micros
    /// Nanoseconds (`NANOS`).
    case nanos
    /// A unit added to the format after this library was written.
    case unrecognized(UnrecognizedUnionMember)

    public static var thriftName: String { "TimeUnit" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "MILLIS"
        case 2: "MICROS"
        case 3: "NANOS"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        switch self {
        case .millis: encoder.writeEmptyStructField(1)
        case .micros: encoder.writeEmptyStructField(2)
        case .nanos: encoder.writeEmptyStructField(3)
        case .unrecognized(let member): encoder.writeUnrecognizedMember(member)
        }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        self = try decoder.readUnion(Self.self, unrecognized: Self.unrecognized) {
            (decoder: inout CompactDecoder, field: FieldHeader) throws(ThriftDecodingError) -> Self? in
            switch (field.id, field.type) {
            case (1, .struct): return try decoder.readEmptyStruct(as: .millis)
            case (2, .struct): return try decoder.readEmptyStruct(as: .micros)
            case (3, .struct): return try decoder.readEmptyStruct(as: .nanos)
            default: return nil
            }
        }
    }
}
