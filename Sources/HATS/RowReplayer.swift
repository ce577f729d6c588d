import Parquet
import VOParquet

/// Appends encoded rows (see ``CellLayout``) to a partition's writer, after the
/// `_healpix_29` cell.
struct RowReplayer {
    let layouts: [CellLayout]

    /// Appends the spatial index and the row's cells, and ends the row.
    func append<Sink: ByteSink>(index29: Int64, row: UnsafeRawBufferPointer, to writer: VOParquetWriter<Sink>)
        throws(VOParquetError)
    {
        try writer.append(index29)
        var offset = 0
        for layout in layouts {
            let present = row[offset] != 0
            offset += 1
            guard present else {
                try writer.appendNull()
                continue
            }
            guard layout.isList else {
                try appendValue(layout.valueType, row, &offset, writer)
                continue
            }
            let count = row.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
            offset += 4
            try writer.beginArray()
            for _ in 0..<count {
                let elementPresent = row[offset] != 0
                offset += 1
                if elementPresent {
                    try appendValue(layout.valueType, row, &offset, writer)
                } else {
                    try writer.appendNull()
                }
            }
            try writer.endArray()
        }
        try writer.endRow()
    }

    private func appendValue<Sink: ByteSink>(
        _ type: CellLayout.ValueType, _ row: UnsafeRawBufferPointer, _ offset: inout Int,
        _ writer: VOParquetWriter<Sink>
    ) throws(VOParquetError) {
        switch type {
        case .boolean:
            try writer.append(row[offset] != 0)
            offset += 1
        case .int32:
            try writer.append(row.loadUnaligned(fromByteOffset: offset, as: Int32.self))
            offset += 4
        case .int64:
            try writer.append(row.loadUnaligned(fromByteOffset: offset, as: Int64.self))
            offset += 8
        case .float:
            try writer.append(row.loadUnaligned(fromByteOffset: offset, as: Float.self))
            offset += 4
        case .double:
            try writer.append(row.loadUnaligned(fromByteOffset: offset, as: Double.self))
            offset += 8
        case .byteArray:
            let length = Int(row.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            offset += 4
            try writer.append(utf8: UnsafeRawBufferPointer(rebasing: row[offset..<(offset + length)]))
            offset += length
        }
    }
}
