import ParquetFormat

/// The ColumnIndex and OffsetIndex of every column chunk written so far, serialized,
/// held until the file closes and they are written after the last row group.
///
/// Per chunk this keeps its two serialized indexes, in `FooterByteStore`s (so in a
/// temporary file beyond their memory limit), and their two lengths, 8 bytes per
/// chunk in memory.
struct PageIndexStore {
    /// Every chunk's ColumnIndex, in file order, back to back.
    let columnIndexes: FooterByteStore
    /// Every chunk's OffsetIndex, in file order, back to back.
    let offsetIndexes: FooterByteStore
    /// Per chunk in file order: its ColumnIndex's length (0 when it has none) and its OffsetIndex's.
    private var lengths: [(columnIndex: Int32, offsetIndex: Int32)] = []
    private var encoder = CompactEncoder()

    init(memoryLimit: Int) {
        columnIndexes = FooterByteStore(memoryLimit: memoryLimit)
        offsetIndexes = FooterByteStore(memoryLimit: memoryLimit)
    }

    mutating func append(columnIndex: ColumnIndex?, offsetIndex: OffsetIndex) throws(ParquetWriterError) {
        var columnIndexLength: Int32 = 0
        if let columnIndex {
            encoder.reset()
            columnIndex.encode(to: &encoder)
            try columnIndexes.append(encoder.bytes)
            columnIndexLength = Int32(encoder.bytes.count)
        }
        encoder.reset()
        offsetIndex.encode(to: &encoder)
        try offsetIndexes.append(encoder.bytes)
        lengths.append((columnIndexLength, Int32(encoder.bytes.count)))
    }

    /// Each chunk's page index locations, for indexes written from `fileOffset` on:
    /// every ColumnIndex, then every OffsetIndex.
    func chunkLocations(fileOffset: Int64) -> ChunkLocations {
        ChunkLocations(
            lengths: lengths, columnIndexOffset: fileOffset,
            offsetIndexOffset: fileOffset + Int64(columnIndexes.byteCount))
    }

    /// Gives each chunk, in file order, where its indexes are.
    struct ChunkLocations {
        private let lengths: [(columnIndex: Int32, offsetIndex: Int32)]
        private var columnIndexOffset: Int64
        private var offsetIndexOffset: Int64
        private var next = 0

        init(lengths: [(columnIndex: Int32, offsetIndex: Int32)], columnIndexOffset: Int64, offsetIndexOffset: Int64) {
            self.lengths = lengths
            self.columnIndexOffset = columnIndexOffset
            self.offsetIndexOffset = offsetIndexOffset
        }

        /// Sets the page index fields of `chunk`, the next chunk in file order.
        mutating func fill(_ chunk: inout ColumnChunk) {
            let length = lengths[next]
            next += 1
            chunk.offsetIndexOffset = offsetIndexOffset
            chunk.offsetIndexLength = length.offsetIndex
            if length.columnIndex > 0 {
                chunk.columnIndexOffset = columnIndexOffset
                chunk.columnIndexLength = length.columnIndex
            }
            columnIndexOffset += Int64(length.columnIndex)
            offsetIndexOffset += Int64(length.offsetIndex)
        }
    }
}
