/// One node of the schema tree, which `FileMetaData.schema` lists in depth-first order.
/// A group (inner node) has `numChildren` and no `type`; a leaf has `type` and no `numChildren`.
public struct SchemaElement: ThriftCodable, Hashable {
    /// Physical type of a leaf; nil for groups.
    public var type: PhysicalType?

    /// Byte length of FIXED_LEN_BYTE_ARRAY values.
    public var typeLength: Int32?

    /// Repetition of the field; nil only for the root.
    public var repetitionType: FieldRepetitionType?

    /// Name of the field.
    public var name: String

    /// Number of children of a group; nil for leaves.
    public var numChildren: Int32?

    /// Deprecated annotation, still written alongside `logicalType` for older readers.
    public var convertedType: ConvertedType?

    /// Deprecated decimal scale; must match a DECIMAL `logicalType`.
    public var scale: Int32?

    /// Deprecated decimal precision; must match a DECIMAL `logicalType`.
    public var precision: Int32?

    /// Field id from the original schema, if it had ids.
    public var fieldID: Int32?

    /// The logical type annotation.
    public var logicalType: LogicalType?

    /// Number of element slots per parent occurrence; set exactly when `repetitionType` is
    /// `.vector`.
    public var vectorLength: Int32?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        type: PhysicalType? = nil,
        typeLength: Int32? = nil,
        repetitionType: FieldRepetitionType? = nil,
        name: String,
        numChildren: Int32? = nil,
        convertedType: ConvertedType? = nil,
        scale: Int32? = nil,
        precision: Int32? = nil,
        fieldID: Int32? = nil,
        logicalType: LogicalType? = nil,
        vectorLength: Int32? = nil
    ) {
        self.type = type
        self.typeLength = typeLength
        self.repetitionType = repetitionType
        self.name = name
        self.numChildren = numChildren
        self.convertedType = convertedType
        self.scale = scale
        self.precision = precision
        self.fieldID = fieldID
        self.logicalType = logicalType
        self.vectorLength = vectorLength
    }

    public static var thriftName: String { "SchemaElement" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "type"
        case 2: "type_length"
        case 3: "repetition_type"
        case 4: "name"
        case 5: "num_children"
        case 6: "converted_type"
        case 7: "scale"
        case 8: "precision"
        case 9: "field_id"
        case 10: "logicalType"
        case 11: "vector_length"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        if let type { encoder.writeField(1, enum: type) }
        if let typeLength { encoder.writeField(2, i32: typeLength) }
        if let repetitionType { encoder.writeField(3, enum: repetitionType) }
        encoder.writeField(4, string: name)
        if let numChildren { encoder.writeField(5, i32: numChildren) }
        if let convertedType { encoder.writeField(6, enum: convertedType) }
        if let scale { encoder.writeField(7, i32: scale) }
        if let precision { encoder.writeField(8, i32: precision) }
        if let fieldID { encoder.writeField(9, i32: fieldID) }
        if let logicalType { encoder.writeField(10, struct: logicalType) }
        if let vectorLength { encoder.writeField(11, i32: vectorLength) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var type: PhysicalType?
        var typeLength: Int32?
        var repetitionType: FieldRepetitionType?
        var name: String?
        var numChildren: Int32?
        var convertedType: ConvertedType?
        var scale: Int32?
        var precision: Int32?
        var fieldID: Int32?
        var logicalType: LogicalType?
        var vectorLength: Int32?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .i32): type = try decoder.readEnum(PhysicalType.self)
            case (2, .i32): typeLength = try decoder.readI32()
            case (3, .i32): repetitionType = try decoder.readEnum(FieldRepetitionType.self)
            case (4, .binary): name = try decoder.readString()
            case (5, .i32): numChildren = try decoder.readI32()
            case (6, .i32): convertedType = try decoder.readEnum(ConvertedType.self)
            case (7, .i32): scale = try decoder.readI32()
            case (8, .i32): precision = try decoder.readI32()
            case (9, .i32): fieldID = try decoder.readI32()
            case (10, .struct): logicalType = try decoder.readStruct(LogicalType.self)
            case (11, .i32): vectorLength = try decoder.readI32()
            default: try decoder.skip(field)
            }
        }
        self.init(
            type: type,
            typeLength: typeLength,
            repetitionType: repetitionType,
            name: try decoder.requiredField(name, id: 4),
            numChildren: numChildren,
            convertedType: convertedType,
            scale: scale,
            precision: precision,
            fieldID: fieldID,
            logicalType: logicalType,
            vectorLength: vectorLength)
        decoder.endStruct()
    }
}
