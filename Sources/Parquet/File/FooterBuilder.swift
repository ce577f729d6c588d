import ParquetFormat

/// The file footer, built up while the file is written.
///
/// Row groups are kept in their compact serialized form, not as structs, and past
/// a limit in a temporary file, so that the footer of a long file with many columns
/// costs little memory however long the file grows.
struct FooterBuilder {
    private let schemaElements: [SchemaElement]
    private let leafCount: Int
    let rowGroups: RowGroupMetadataStore
    private var rowGroupCount = 0
    private var rowGroupEncoder = CompactEncoder()
    private var keyValues: [(key: String, value: String)] = []

    init(schema: Schema, rowGroupMemoryLimit: Int) {
        rowGroups = RowGroupMetadataStore(memoryLimit: rowGroupMemoryLimit)
        schemaElements = SchemaConversion.schemaElements(for: schema)
        leafCount = schema.descriptors.count
    }

    mutating func setMetadata(_ key: String, _ value: String?) {
        if let index = keyValues.firstIndex(where: { $0.key == key }) {
            if let value { keyValues[index].value = value } else { keyValues.remove(at: index) }
        } else if let value {
            keyValues.append((key, value))
        }
    }

    mutating func appendRowGroup(columns: [ColumnChunk], numRows: Int64, fileOffset: Int64) throws(ParquetWriterError) {
        let rowGroup = RowGroup(
            columns: columns,
            totalByteSize: columns.reduce(0) { $0 + ($1.metaData?.totalUncompressedSize ?? 0) },
            numRows: numRows,
            fileOffset: fileOffset,
            totalCompressedSize: columns.reduce(0) { $0 + ($1.metaData?.totalCompressedSize ?? 0) },
            ordinal: Int16(truncatingIfNeeded: rowGroupCount))
        rowGroupEncoder.reset()
        rowGroup.encode(to: &rowGroupEncoder)
        try rowGroups.append(rowGroupEncoder.bytes)
        rowGroupCount += 1
    }

    /// The serialized FileMetaData but for the row groups, which, already serialized
    /// in `rowGroups`, go out as they are between the head and the tail.
    func encodedHeadAndTail(numRows: Int64) -> (head: [UInt8], tail: [UInt8]) {
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
