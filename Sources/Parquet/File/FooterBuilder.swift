import ParquetFormat

/// The file footer, built up while the file is written.
///
/// Row groups are kept in their compact serialized form, not as structs, and past a
/// limit in a temporary file (`FooterByteStore`), so that the footer of a long file
/// with many columns costs little memory however long the file grows. With the page
/// index on, a column chunk's page index offsets are only known once the file closes:
/// each row group is stored without them and, as the footer is written, rebuilt as a
/// `RowGroup`, given them and encoded again, one row group at a time.
struct FooterBuilder {
    /// The footer's fields but its row groups, which are stored apart.
    private var fields: FileMetaData
    private let serializedRowGroups: FooterByteStore
    /// The length of each stored row group, in file order (8 bytes per row group in memory).
    private var rowGroupLengths: [Int] = []
    private var rowGroupEncoder = CompactEncoder()
    /// The page indexes of the chunks written so far, or nil when the page index is off.
    private(set) var pageIndexes: PageIndexStore?

    init(schema: Schema, writesPageIndex: Bool, memoryLimit: Int) {
        serializedRowGroups = FooterByteStore(memoryLimit: memoryLimit)
        fields = FileMetaData(
            version: FileFormatVersion.current,
            schema: SchemaConversion.schemaElements(for: schema),
            numRows: 0,
            rowGroups: [],
            createdBy: CreatedBy.string,
            columnOrders: Array(repeating: ColumnOrder.typeDefinedOrder, count: schema.descriptors.count))
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
        rowGroupLengths = []
        fields.schema = []
        fields.keyValueMetadata = nil
        fields.columnOrders = nil
        rowGroupEncoder = CompactEncoder()
    }

    mutating func setMetadata(_ key: String, _ value: String?) {
        var pairs = fields.keyValueMetadata ?? []
        if let index = pairs.firstIndex(where: { $0.key == key }) {
            if let value { pairs[index].value = value } else { pairs.remove(at: index) }
        } else if let value {
            pairs.append(KeyValue(key: key, value: value))
        }
        fields.keyValueMetadata = pairs.isEmpty ? nil : pairs
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
            ordinal: Int16(truncatingIfNeeded: rowGroupLengths.count))
        rowGroupEncoder.reset()
        rowGroup.encode(to: &rowGroupEncoder)
        try serializedRowGroups.append(rowGroupEncoder.bytes)
        rowGroupLengths.append(rowGroupEncoder.bytes.count)
    }

    /// Encodes the footer, a FileMetaData of `numRows` rows, and passes its bytes to
    /// `write` piece by piece, the stored row groups rebuilt one at a time with their
    /// chunks' page index offsets (for indexes written from `pageIndexOffset` on).
    ///
    /// Returns the footer as a struct with every row group when `keepingRowGroups`,
    /// otherwise without its row groups, so that they are never all held at once.
    func writeFooter(
        numRows: Int64, pageIndexOffset: Int64, keepingRowGroups: Bool,
        to write: (ArraySlice<UInt8>) throws(ParquetWriterError) -> Void
    ) throws(ParquetWriterError) -> FileMetaData {
        var footer = fields
        footer.numRows = numRows
        var pageIndexLocations = pageIndexes?.chunkLocations(fileOffset: pageIndexOffset)
        var keptRowGroups: [RowGroup] = []
        var encoder = CompactEncoder(reservingCapacity: 1 << 16)
        try footer.encode(to: &encoder, rowGroupCount: rowGroupLengths.count) {
            (encoder: inout CompactEncoder) throws(ParquetWriterError) in
            try forEachStoredRowGroup { (rowGroup) throws(ParquetWriterError) in
                var rowGroup = rowGroup
                if pageIndexLocations != nil {
                    for index in rowGroup.columns.indices { pageIndexLocations!.fill(&rowGroup.columns[index]) }
                }
                rowGroup.encode(to: &encoder)
                // The encoder keeps its field-id state, so the footer goes on where these bytes stop.
                try write(encoder.bytes[...])
                encoder.bytes.removeAll(keepingCapacity: true)
                if keepingRowGroups { keptRowGroups.append(rowGroup) }
            }
        }
        try write(encoder.bytes[...])
        footer.rowGroups = keptRowGroups
        return footer
    }

    /// Calls `body` with each stored row group, in file order, decoded from its stored bytes.
    private func forEachStoredRowGroup(_ body: (RowGroup) throws(ParquetWriterError) -> Void) throws(ParquetWriterError)
    {
        // The store hands out its bytes in pieces that need not end where row groups do:
        // `pending` holds the start of a row group that the next piece completes.
        var pending: [UInt8] = []
        var next = 0
        try serializedRowGroups.forEachPiece { (piece) throws(ParquetWriterError) in
            let bytes: [UInt8]
            if pending.isEmpty {
                bytes = piece
            } else {
                pending.append(contentsOf: piece)
                bytes = pending
            }
            var start = 0
            while next < rowGroupLengths.count, bytes.count - start >= rowGroupLengths[next] {
                let decoded: (value: RowGroup, byteCount: Int)
                do {
                    decoded = try RowGroup.decode(bytes, at: start)
                } catch {
                    throw Self.damagedRowGroup(next, "\(error)")
                }
                guard decoded.byteCount == rowGroupLengths[next] else {
                    throw Self.damagedRowGroup(
                        next, "\(decoded.byteCount) bytes where \(rowGroupLengths[next]) were stored")
                }
                try body(decoded.value)
                start += decoded.byteCount
                next += 1
            }
            pending = Array(bytes[start...])
        }
    }

    private static func damagedRowGroup(_ index: Int, _ reason: String) -> ParquetWriterError {
        .sinkFailed("the stored footer metadata of row group \(index) does not read back: \(reason)")
    }
}

/// The FileMetaData.version this writer declares.
enum FileFormatVersion {
    static let current: Int32 = 2
}
