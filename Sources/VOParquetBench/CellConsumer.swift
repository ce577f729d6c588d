import Parquet
import VOParquet

/// Where generated cells go: a writer, or nowhere (to time the generation alone).
protocol CellConsumer {
    mutating func take(_ cell: ObjectCell) throws(VOParquetError)
    mutating func endRow() throws(VOParquetError)
}

/// Drops every cell: `write --generate-only`, whose time is subtracted from a write's.
struct DiscardingConsumer: CellConsumer {
    @inline(__always) mutating func take(_ cell: ObjectCell) {}
    @inline(__always) mutating func endRow() {}
}

/// Appends every cell to a `VOParquetWriter`, row by row as from a database cursor.
struct WriterConsumer<Sink: ByteSink>: CellConsumer {
    let writer: VOParquetWriter<Sink>

    @inline(__always)
    mutating func take(_ cell: ObjectCell) throws(VOParquetError) {
        switch cell {
        case .null: try writer.appendNull()
        case .boolean(let value): try writer.append(value)
        case .int(let value): try writer.append(value)
        case .long(let value): try writer.append(value)
        case .float(let value): try writer.append(value)
        case .double(let value): try writer.append(value)
        case .text(let text): try writer.append(text.string)
        }
    }

    @inline(__always)
    mutating func endRow() throws(VOParquetError) { try writer.endRow() }
}

extension ObjectValues {
    /// Makes the cells of `rows`, every column in order, hands them to `consumer`,
    /// and returns the wrapping sum of their words (which also keeps the
    /// optimizer from dropping the generation when nothing consumes it).
    func produce<Consumer: CellConsumer>(rows: Range<Int>, into consumer: inout Consumer) throws(VOParquetError)
        -> UInt64
    {
        var checksum: UInt64 = 0
        let columnCount = rules.count
        for row in rows {
            for column in 0..<columnCount {
                let cell = cell(row: row, column: column)
                checksum &+= cell.word
                try consumer.take(cell)
            }
            try consumer.endRow()
        }
        return checksum
    }
}
