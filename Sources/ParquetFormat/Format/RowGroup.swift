/// A row group: one column chunk per leaf column.
public struct RowGroup: ThriftCodable, Hashable {
    /// Column chunks in the order of the schema's leaves.
    public var columns: [ColumnChunk]

    /// Total uncompressed size of all column data.
    public var totalByteSize: Int64

    /// Rows in the row group.
    public var numRows: Int64
    /// The order the rows are sorted in, if any.
    public var sortingColumns: [SortingColumn]?

    /// File offset of the first page of the row group.
    public var fileOffset: Int64?

    /// Total compressed size of all column data.
    public var totalCompressedSize: Int64?

    /// Position of the row group in the file.
    public var ordinal: Int16?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        columns: [ColumnChunk],
        totalByteSize: Int64,
        numRows: Int64,
        sortingColumns: [SortingColumn]? = nil,
        fileOffset: Int64? = nil,
        totalCompressedSize: Int64? = nil,
        ordinal: Int16? = nil
    ) {
        self.columns = columns
        self.totalByteSize = totalByteSize
        self.numRows = numRows
        self.sortingColumns = sortingColumns
        self.fileOffset = fileOffset
        self.totalCompressedSize = totalCompressedSize
        self.ordinal = ordinal
    }

    public static var thriftName: String { "RowGroup" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "columns"
        case 2: "total_byte_size"
        case 3: "num_rows"
        case 4: "sorting_columns"
        case 5: "file_offset"
        case 6: "total_compressed_size"
        case 7: "ordinal"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, structList: columns)
        encoder.writeField(2, i64: totalByteSize)
        encoder.writeField(3, i64: numRows)
        if let sortingColumns { encoder.writeField(4, structList: sortingColumns) }
        if let fileOffset { encoder.writeField(5, i64: fileOffset) }
        if let totalCompressedSize { encoder.writeField(6, i64: totalCompressedSize) }
        if let ordinal { encoder.writeField(7, i16: ordinal) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var columns: [ColumnChunk]?
        var totalByteSize: Int64?
        var numRows: Int64?
        var sortingColumns: [SortingColumn]?
        var fileOffset: Int64?
        var totalCompressedSize: Int64?
        var ordinal: Int16?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .list): columns = try decoder.readStructList(ColumnChunk.self)
            case (2, .i64): totalByteSize = try decoder.readI64()
            case (3, .i64): numRows = try decoder.readI64()
            case (4, .list): sortingColumns = try decoder.readStructList(SortingColumn.self)
            case (5, .i64): fileOffset = try decoder.readI64()
            case (6, .i64): totalCompressedSize = try decoder.readI64()
            case (7, .i16): ordinal = try decoder.readI16()
            default: try decoder.skip(field)
            }
        }
        self.init(
            columns: try decoder.requiredField(columns, id: 1),
            totalByteSize: try decoder.requiredField(totalByteSize, id: 2),
            numRows: try decoder.requiredField(numRows, id: 3),
            sortingColumns: sortingColumns,
            fileOffset: fileOffset,
            totalCompressedSize: totalCompressedSize,
            ordinal: ordinal)
        decoder.endStruct()
    }
}
