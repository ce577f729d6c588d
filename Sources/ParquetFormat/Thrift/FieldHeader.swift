/// A decoded struct field header: the field id, its type, and for boolean
/// fields the value, which the compact protocol stores in the header.
public struct FieldHeader: Sendable, Hashable {
    /// The Thrift field id.
    public var id: Int16
    /// The type of the value that follows the header.
    public var type: ThriftType
    /// The field's value when `type` is `.bool`; `false` otherwise.
    public var boolValue: Bool

    /// A field header; `boolValue` is the value of a boolean field, which the header carries.
    public init(id: Int16, type: ThriftType, boolValue: Bool = false) {
        self.id = id
        self.type = type
        self.boolValue = boolValue
    }
}
