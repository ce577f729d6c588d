import ParquetFormat

/// The ColumnIndex and OffsetIndex of every column chunk written so far, serialized,
/// held until the file closes and they are written after the last row group.
///
/// Per chunk this keeps its two serialized indexes and their two lengths: nothing
/// else, so a long file's page index costs its size on disk plus 8 bytes per chunk.
struct PageIndexStore {
    /// Every chunk's ColumnIndex, in file order, back to back.
    private(set) var columnIndexes: [UInt8] = []
    /// Every chunk's OffsetIndex, in file order, back to back.
    private(set) var offsetIndexes: [UInt8] = []
    /// Per chunk in file order: its ColumnIndex's length (0 when it has none) and its OffsetIndex's.
    private var lengths: [(columnIndex: Int32, offsetIndex: Int32)] = []
    private var encoder = CompactEncoder()

    var chunkCount: Int { lengths.count }

    mutating func append(columnIndex: ColumnIndex?, offsetIndex: OffsetIndex) {
        var columnIndexLength: Int32 = 0
        if let columnIndex {
            encoder.reset()
            columnIndex.encode(to: &encoder)
            columnIndexes.append(contentsOf: encoder.bytes)
            columnIndexLength = Int32(encoder.bytes.count)
        }
        encoder.reset()
        offsetIndex.encode(to: &encoder)
        offsetIndexes.append(contentsOf: encoder.bytes)
        lengths.append((columnIndexLength, Int32(encoder.bytes.count)))
    }

    /// Calls `body` with each chunk's page index fields (ColumnChunk fields 4 to 7), for
    /// indexes written from `fileOffset` on: every ColumnIndex, then every OffsetIndex.
    func forEachChunkLocation(
        fileOffset: Int64,
        _ body: (_ offsetIndex: (offset: Int64, length: Int32), _ columnIndex: (offset: Int64, length: Int32)?) throws(ParquetWriterError) -> Void
    ) throws(ParquetWriterError) {
        var columnIndexOffset = fileOffset
        var offsetIndexOffset = fileOffset + Int64(columnIndexes.count)
        for length in lengths {
            try body(
                (offsetIndexOffset, length.offsetIndex),
                length.columnIndex > 0 ? (columnIndexOffset, length.columnIndex) : nil)
            columnIndexOffset += Int64(length.columnIndex)
            offsetIndexOffset += Int64(length.offsetIndex)
        }
    }
}
