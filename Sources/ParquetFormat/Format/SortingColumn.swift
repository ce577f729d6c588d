/// A column by which the rows of a row group are sorted.
public struct SortingColumn: ThriftCodable, Hashable {
    /// Position of the leaf column in the row group.
    public var columnIndex: Int32

    /// Whether the order is descending.
    public var descending: Bool

    /// Whether nulls come before non-null values.
    public var nullsFirst: Bool

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        columnIndex: Int32,
        descending: Bool,
        nullsFirst: Bool
    ) {
        self.columnIndex = columnIndex
        self.descending = descending
        self.nullsFirst = nullsFirst
    }

    public static var thriftName: String { "SortingColumn" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "column_idx"
        case 2: "descending"
        case 3: "nulls_first"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, i32: columnIndex)
        encoder.writeField(2, bool: descending)
        encoder.writeField(3, bool: nullsFirst)
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var columnIndex: Int32?
        var descending: Bool?
        var nullsFirst: Bool?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .i32): columnIndex = try decoder.readI32()
            case (2, .bool): descending = field.boolValue
            case (3, .bool): nullsFirst = field.boolValue
            default: try decoder.skip(field)
            }
        }
        self.init(
            columnIndex: try decoder.requiredField(columnIndex, id: 1),
            descending: try decoder.requiredField(descending, id: 2),
            nullsFirst: try decoder.requiredField(nullsFirst, id: 3))
        decoder.endStruct()
    }
}
