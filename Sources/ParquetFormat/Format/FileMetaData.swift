/// The file footer: schema, row groups and file-level metadata.
public struct FileMetaData: ThriftCodable, Hashable {
    /// Format version; writers should write 1.
    public var version: Int32

    /// The schema tree in depth-first order, root first.
    public var schema: [SchemaElement]

    /// Rows in the file.
    public var numRows: Int64
    /// The row groups, in file order.
    public var rowGroups: [RowGroup]
    /// Application key-value metadata, such as VOParquet's VOTable.
    public var keyValueMetadata: [KeyValue]?
    /// The writing application, as `<application> version <version> (build <hash>)`.
    public var createdBy: String?

    /// Sort order of the statistics of each leaf column, in schema order. Required to give min/max
    /// values a meaning.
    public var columnOrders: [ColumnOrder]?

    /// Set only in encrypted files with a plaintext footer.
    public var encryptionAlgorithm: EncryptionAlgorithm?

    /// Retrieval metadata of the footer signing key, in encrypted files with a plaintext footer.
    public var footerSigningKeyMetadata: [UInt8]?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        version: Int32,
        schema: [SchemaElement],
        numRows: Int64,
        rowGroups: [RowGroup],
        keyValueMetadata: [KeyValue]? = nil,
        createdBy: String? = nil,
        columnOrders: [ColumnOrder]? = nil,
        encryptionAlgorithm: EncryptionAlgorithm? = nil,
        footerSigningKeyMetadata: [UInt8]? = nil
    ) {
        self.version = version
        self.schema = schema
        self.numRows = numRows
        self.rowGroups = rowGroups
        self.keyValueMetadata = keyValueMetadata
        self.createdBy = createdBy
        self.columnOrders = columnOrders
        self.encryptionAlgorithm = encryptionAlgorithm
        self.footerSigningKeyMetadata = footerSigningKeyMetadata
    }

    public static var thriftName: String { "FileMetaData" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "version"
        case 2: "schema"
        case 3: "num_rows"
        case 4: "row_groups"
        case 5: "key_value_metadata"
        case 6: "created_by"
        case 7: "column_orders"
        case 8: "encryption_algorithm"
        case 9: "footer_signing_key_metadata"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encode(to: &encoder, rowGroupCount: rowGroups.count) { (encoder: inout CompactEncoder) in
            for rowGroup in rowGroups { rowGroup.encode(to: &encoder) }
        }
    }

    /// Encodes the struct with `rowGroupCount` row groups, which `writeRowGroups` encodes in
    /// place of `rowGroups`, so that a writer can produce a long file's row groups one at a
    /// time (and pass on the encoder's bytes between them) rather than hold them all.
    public func encode<Failure: Error>(
        to encoder: inout CompactEncoder, rowGroupCount: Int,
        writingRowGroups writeRowGroups: (inout CompactEncoder) throws(Failure) -> Void
    ) throws(Failure) {
        encoder.beginStruct()
        encoder.writeField(1, i32: version)
        encoder.writeField(2, structList: schema)
        encoder.writeField(3, i64: numRows)
        encoder.writeFieldHeader(id: 4, type: .list)
        encoder.writeListHeader(elementType: .struct, count: rowGroupCount)
        try writeRowGroups(&encoder)
        if let keyValueMetadata { encoder.writeField(5, structList: keyValueMetadata) }
        if let createdBy { encoder.writeField(6, string: createdBy) }
        if let columnOrders { encoder.writeField(7, structList: columnOrders) }
        if let encryptionAlgorithm { encoder.writeField(8, struct: encryptionAlgorithm) }
        if let footerSigningKeyMetadata { encoder.writeField(9, binary: footerSigningKeyMetadata) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var version: Int32?
        var schema: [SchemaElement]?
        var numRows: Int64?
        var rowGroups: [RowGroup]?
        var keyValueMetadata: [KeyValue]?
        var createdBy: String?
        var columnOrders: [ColumnOrder]?
        var encryptionAlgorithm: EncryptionAlgorithm?
        var footerSigningKeyMetadata: [UInt8]?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .i32): version = try decoder.readI32()
            case (2, .list): schema = try decoder.readStructList(SchemaElement.self)
            case (3, .i64): numRows = try decoder.readI64()
            case (4, .list): rowGroups = try decoder.readStructList(RowGroup.self)
            case (5, .list): keyValueMetadata = try decoder.readStructList(KeyValue.self)
            case (6, .binary): createdBy = try decoder.readString()
            case (7, .list): columnOrders = try decoder.readStructList(ColumnOrder.self)
            case (8, .struct): encryptionAlgorithm = try decoder.readStruct(EncryptionAlgorithm.self)
            case (9, .binary): footerSigningKeyMetadata = try decoder.readBinary()
            default: try decoder.skip(field)
            }
        }
        self.init(
            version: try decoder.requiredField(version, id: 1),
            schema: try decoder.requiredField(schema, id: 2),
            numRows: try decoder.requiredField(numRows, id: 3),
            rowGroups: try decoder.requiredField(rowGroups, id: 4),
            keyValueMetadata: keyValueMetadata,
            createdBy: createdBy,
            columnOrders: columnOrders,
            encryptionAlgorithm: encryptionAlgorithm,
            footerSigningKeyMetadata: footerSigningKeyMetadata)
        decoder.endStruct()
    }
}
