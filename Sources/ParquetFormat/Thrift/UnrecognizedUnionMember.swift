/// A union member whose field id (or type) this library does not know, for
/// example a logical type added to parquet.thrift later.
///
/// It keeps the member's encoded value so the union re-encodes byte for byte.
/// Readers should treat the union as unsupported; for `ColumnOrder`, the spec
/// says to ignore min/max statistics of that column.
public struct UnrecognizedUnionMember: Sendable, Hashable {
    /// The member's field header as read.
    public var header: FieldHeader
    /// The compact encoding of the member's value, without the field header.
    /// Empty for boolean members, whose value is in the header.
    public var encodedValue: [UInt8]

    /// A member as read: its field header and encoded value.
    public init(header: FieldHeader, encodedValue: [UInt8]) {
        self.header = header
        self.encodedValue = encodedValue
    }
}
