/// Header of an index page. The format defines no fields for it yet.
public struct IndexPageHeader: ThriftCodable, Hashable {

    /// The empty header.
    public init() {}

    public static var thriftName: String { "IndexPageHeader" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        nil
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        while let field = try decoder.nextField() {
            try decoder.skip(field)
        }
        self.init()
        decoder.endStruct()
    }
}
