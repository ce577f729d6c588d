/// A column chunk of a row group: where it is and its metadata.
public struct ColumnChunk: ThriftCodable, Hashable {
    /// File holding the column data if not this one; only used by summary files.
    public var filePath: String?

    /// Deprecated; writers should write 0.
    public var fileOffset: Int64

    /// The column metadata. Optional in the format but required by major readers, so writers must
    /// set it.
    public var metaData: ColumnMetaData?

    /// File offset of the chunk's `OffsetIndex`.
    public var offsetIndexOffset: Int64?

    /// Size of the chunk's `OffsetIndex` in bytes.
    public var offsetIndexLength: Int32?

    /// File offset of the chunk's `ColumnIndex`.
    public var columnIndexOffset: Int64?

    /// Size of the chunk's `ColumnIndex` in bytes.
    public var columnIndexLength: Int32?

    /// How an encrypted column is encrypted.
    public var cryptoMetadata: ColumnCryptoMetaData?

    /// Encrypted `ColumnMetaData`.
    public var encryptedColumnMetadata: [UInt8]?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        filePath: String? = nil,
        fileOffset: Int64 = 0,
        metaData: ColumnMetaData? = nil,
        offsetIndexOffset: Int64? = nil,
        offsetIndexLength: Int32? = nil,
        columnIndexOffset: Int64? = nil,
        columnIndexLength: Int32? = nil,
        cryptoMetadata: ColumnCryptoMetaData? = nil,
        encryptedColumnMetadata: [UInt8]? = nil
    ) {
        self.filePath = filePath
        self.fileOffset = fileOffset
        self.metaData = metaData
        self.offsetIndexOffset = offsetIndexOffset
        self.offsetIndexLength = offsetIndexLength
        self.columnIndexOffset = columnIndexOffset
        self.columnIndexLength = columnIndexLength
        self.cryptoMetadata = cryptoMetadata
        self.encryptedColumnMetadata = encryptedColumnMetadata
    }

    public static var thriftName: String { "ColumnChunk" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "file_path"
        case 2: "file_offset"
        case 3: "meta_data"
        case 4: "offset_index_offset"
        case 5: "offset_index_length"
        case 6: "column_index_offset"
        case 7: "column_index_length"
        case 8: "crypto_metadata"
        case 9: "encrypted_column_metadata"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        if let filePath { encoder.writeField(1, string: filePath) }
        encoder.writeField(2, i64: fileOffset)
        if let metaData { encoder.writeField(3, struct: metaData) }
        if let offsetIndexOffset { encoder.writeField(4, i64: offsetIndexOffset) }
        if let offsetIndexLength { encoder.writeField(5, i32: offsetIndexLength) }
        if let columnIndexOffset { encoder.writeField(6, i64: columnIndexOffset) }
        if let columnIndexLength { encoder.writeField(7, i32: columnIndexLength) }
        if let cryptoMetadata { encoder.writeField(8, struct: cryptoMetadata) }
        if let encryptedColumnMetadata { encoder.writeField(9, binary: encryptedColumnMetadata) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var filePath: String?
        var fileOffset: Int64?
        var metaData: ColumnMetaData?
        var offsetIndexOffset: Int64?
        var offsetIndexLength: Int32?
        var columnIndexOffset: Int64?
        var columnIndexLength: Int32?
        var cryptoMetadata: ColumnCryptoMetaData?
        var encryptedColumnMetadata: [UInt8]?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .binary): filePath = try decoder.readString()
            case (2, .i64): fileOffset = try decoder.readI64()
            case (3, .struct): metaData = try decoder.readStruct(ColumnMetaData.self)
            case (4, .i64): offsetIndexOffset = try decoder.readI64()
            case (5, .i32): offsetIndexLength = try decoder.readI32()
            case (6, .i64): columnIndexOffset = try decoder.readI64()
            case (7, .i32): columnIndexLength = try decoder.readI32()
            case (8, .struct): cryptoMetadata = try decoder.readStruct(ColumnCryptoMetaData.self)
            case (9, .binary): encryptedColumnMetadata = try decoder.readBinary()
            default: try decoder.skip(field)
            }
        }
        self.init(
            filePath: filePath,
            fileOffset: try decoder.requiredField(fileOffset, id: 2),
            metaData: metaData,
            offsetIndexOffset: offsetIndexOffset,
            offsetIndexLength: offsetIndexLength,
            columnIndexOffset: columnIndexOffset,
            columnIndexLength: columnIndexLength,
            cryptoMetadata: cryptoMetadata,
            encryptedColumnMetadata: encryptedColumnMetadata)
        decoder.endStruct()
    }
}
