import ParquetFormat

/// The file footer, built up while the file is written.
///
/// Row groups are kept in their compact serialized form, not as structs, and past a
/// limit in a temporary file (`FooterByteStore`), so that the footer of a long file
/// with many columns costs little memory however long the file grows.
/// With the page index on, a column chunk's page index fields are only known once the
/// file closes: its serialization stops short of them, and `chunkGaps` notes where, so
/// that they go in as the footer is written.
struct FooterBuilder {
    private let schemaElements: [SchemaElement]
    private let leafCount: Int
    private let serializedRowGroups: FooterByteStore
    private var rowGroupCount = 0
    private var rowGroupEncoder = CompactEncoder()
    private var keyValues: [(key: String, value: String)] = []
    /// The page indexes of the chunks written so far, or nil when the page index is off.
    private(set) var pageIndexes: PageIndexStore?
    /// Per column chunk, in file order, the position in `serializedRowGroups` where its
    /// page index fields and its end belong (8 bytes per chunk, in memory).
    private var chunkGaps: [Int] = []

    init(schema: Schema, writesPageIndex: Bool, memoryLimit: Int) {
        serializedRowGroups = FooterByteStore(memoryLimit: memoryLimit)
        schemaElements = SchemaConversion.schemaElements(for: schema)
        leafCount = schema.descriptors.count
        pageIndexes = writesPageIndex ? PageIndexStore(memoryLimit: memoryLimit) : nil
    }

    /// Bytes the stores keep in memory (their buffers, used or not).
    var heldByteCount: Int {
        serializedRowGroups.heldByteCount + (pageIndexes?.columnIndexes.heldByteCount ?? 0)
            + (pageIndexes?.offsetIndexes.heldByteCount ?? 0)
    }

    /// Gives back the stored row groups, page indexes and key-value pairs, once the footer is written.
    mutating func releaseStorage() {
        serializedRowGroups.releaseStorage()
        pageIndexes?.columnIndexes.releaseStorage()
        pageIndexes?.offsetIndexes.releaseStorage()
        pageIndexes = nil
        chunkGaps = []
        keyValues = []
        rowGroupEncoder = CompactEncoder()
    }

    mutating func setMetadata(_ key: String, _ value: String?) {
        if let index = keyValues.firstIndex(where: { $0.key == key }) {
            if let value { keyValues[index].value = value } else { keyValues.remove(at: index) }
        } else if let value {
            keyValues.append((key, value))
        }
    }

    /// Adds the page index of the next column chunk, in file order, when the page
    /// index is on: serialized at once, so that a row group's indexes are never all
    /// held as structures.
    mutating func appendPageIndex(columnIndex: ColumnIndex?, offsetIndex: OffsetIndex) throws(ParquetWriterError) {
        try pageIndexes?.append(columnIndex: columnIndex, offsetIndex: offsetIndex)
    }

    /// Adds a row group whose chunks' page indexes (with the page index on) were added before.
    mutating func appendRowGroup(columns: [ColumnChunk], numRows: Int64, fileOffset: Int64) throws(ParquetWriterError) {
        let rowGroup = RowGroup(
            columns: columns,
            totalByteSize: columns.reduce(0) { $0 + ($1.metaData?.totalUncompressedSize ?? 0) },
            numRows: numRows,
            fileOffset: fileOffset,
            totalCompressedSize: columns.reduce(0) { $0 + ($1.metaData?.totalCompressedSize ?? 0) },
            ordinal: Int16(truncatingIfNeeded: rowGroupCount))
        rowGroupEncoder.reset()
        if pageIndexes == nil {
            rowGroup.encode(to: &rowGroupEncoder)
        } else {
            encodeLeavingGaps(rowGroup)
        }
        try serializedRowGroups.append(rowGroupEncoder.bytes)
        rowGroupCount += 1
    }

    /// Encodes `rowGroup` as `RowGroup.encode` does, but each column chunk without its
    /// closing stop byte, noting where the chunk's page index fields go.
    private mutating func encodeLeavingGaps(_ rowGroup: RowGroup) {
        rowGroupEncoder.beginStruct()
        rowGroupEncoder.writeFieldHeader(id: 1, type: .list)
        rowGroupEncoder.writeListHeader(elementType: .struct, count: rowGroup.columns.count)
        for column in rowGroup.columns {
            column.encode(to: &rowGroupEncoder)
            rowGroupEncoder.bytes.removeLast()
            chunkGaps.append(serializedRowGroups.byteCount + rowGroupEncoder.bytes.count)
        }
        rowGroupEncoder.writeField(2, i64: rowGroup.totalByteSize)
        rowGroupEncoder.writeField(3, i64: rowGroup.numRows)
        if let fileOffset = rowGroup.fileOffset { rowGroupEncoder.writeField(5, i64: fileOffset) }
        if let totalCompressedSize = rowGroup.totalCompressedSize {
            rowGroupEncoder.writeField(6, i64: totalCompressedSize)
        }
        if let ordinal = rowGroup.ordinal { rowGroupEncoder.writeField(7, i16: ordinal) }
        rowGroupEncoder.endStruct()
    }

    /// Calls `body` with the serialized row groups, piece by piece, each column chunk's
    /// page index fields (for indexes written from `pageIndexOffset` on) and stop byte
    /// filled in. The pieces are not copied into one array.
    func forEachRowGroupPiece(
        pageIndexOffset: Int64, _ body: (ArraySlice<UInt8>) throws(ParquetWriterError) -> Void
    ) throws(ParquetWriterError) {
        guard let pageIndexes else {
            return try serializedRowGroups.forEachPiece { (piece) throws(ParquetWriterError) in try body(piece[...]) }
        }
        var fields = pageIndexes.chunkFields(fileOffset: pageIndexOffset)
        // The stored bytes arrive in pieces; `position` is the first piece byte's offset.
        var position = 0
        var chunk = 0
        try serializedRowGroups.forEachPiece { (piece) throws(ParquetWriterError) in
            var start = 0
            while chunk < chunkGaps.count, chunkGaps[chunk] <= position + piece.count {
                let cut = chunkGaps[chunk] - position
                try body(piece[start..<cut])
                try body(fields.nextFields())
                start = cut
                chunk += 1
            }
            try body(piece[start...])
            position += piece.count
        }
    }

    /// The serialized FileMetaData but its row groups, in two parts: the row groups,
    /// already serialized, go out between the head and the tail (`forEachRowGroupPiece`)
    /// rather than being copied.
    func encodedParts(numRows: Int64) -> (head: [UInt8], tail: [UInt8]) {
        var encoder = CompactEncoder(reservingCapacity: 4096)
        encoder.beginStruct()
        encoder.writeField(1, i32: FileFormatVersion.current)
        encoder.writeField(2, structList: schemaElements)
        encoder.writeField(3, i64: numRows)
        encoder.writeFieldHeader(id: 4, type: .list)
        encoder.writeListHeader(elementType: .struct, count: rowGroupCount)
        let head = encoder.bytes
        // The encoder keeps its field-id state, so the tail continues the same struct.
        encoder.bytes.removeAll(keepingCapacity: true)
        if !keyValues.isEmpty {
            encoder.writeField(5, structList: keyValues.map { KeyValue(key: $0.key, value: $0.value) })
        }
        encoder.writeField(6, string: CreatedBy.string)
        encoder.writeField(7, structList: Array(repeating: ColumnOrder.typeDefinedOrder, count: leafCount))
        encoder.endStruct()
        return (head, encoder.bytes)
    }
}

/// The FileMetaData.version this writer declares.
enum FileFormatVersion {
    static let current: Int32 = 2
}
