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

    /// Each chunk's page index fields (ColumnChunk fields 4 to 7), encoded, for
    /// indexes written from `fileOffset` on: every ColumnIndex, then every OffsetIndex.
    func chunkFields(fileOffset: Int64) -> ChunkFieldSequence {
        ChunkFieldSequence(
            lengths: lengths, columnIndexOffset: fileOffset,
            offsetIndexOffset: fileOffset + Int64(columnIndexes.byteCount))
    }

    /// Produces one chunk's fields at a time, so they need not all be in memory.
    struct ChunkFieldSequence {
        let lengths: [(columnIndex: Int32, offsetIndex: Int32)]
        var columnIndexOffset: Int64
        var offsetIndexOffset: Int64
        private var next = 0
        private var encoder = CompactEncoder(reservingCapacity: 32)

        init(lengths: [(columnIndex: Int32, offsetIndex: Int32)], columnIndexOffset: Int64, offsetIndexOffset: Int64) {
            self.lengths = lengths
            self.columnIndexOffset = columnIndexOffset
            self.offsetIndexOffset = offsetIndexOffset
        }

        /// The next chunk's fields, as they follow its meta_data field (id 3).
        mutating func nextFields() -> ArraySlice<UInt8> {
            let length = lengths[next]
            next += 1
            encoder.reset()
            encoder.beginStruct()
            // Field ids are delta-encoded: the chunk's last field written was meta_data, id 3.
            encoder.writeFieldHeader(id: 3, type: .struct)
            let fieldsStart = encoder.bytes.count
            encoder.writeField(4, i64: offsetIndexOffset)
            encoder.writeField(5, i32: length.offsetIndex)
            if length.columnIndex > 0 {
                encoder.writeField(6, i64: columnIndexOffset)
                encoder.writeField(7, i32: length.columnIndex)
            }
            encoder.endStruct()
            columnIndexOffset += Int64(length.columnIndex)
            offsetIndexOffset += Int64(length.offsetIndex)
            return encoder.bytes[fieldsStart...]
        }
    }
}
