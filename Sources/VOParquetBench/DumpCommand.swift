import Parquet
import VOParquet

/// `voparquet-bench dump`: the words (`ObjectCell.word`) of a range of rows, row by
/// row, each column in order, as little-endian UInt64, for
/// Scripts/check_object_values.py to compare with numpy's values.
struct DumpCommand {
    let arguments: BenchArguments
    let values: ObjectValues

    /// Collects each cell's word.
    private struct WordCollector: CellConsumer {
        var words: [UInt64] = []
        mutating func take(_ cell: ObjectCell) { words.append(cell.word.littleEndian) }
        mutating func endRow() {}
    }

    func run() throws {
        var collector = WordCollector()
        collector.words.reserveCapacity(arguments.rows * values.rules.count)
        let rows = arguments.firstRow..<(arguments.firstRow + arguments.rows)
        let checksum = try values.produce(rows: rows, into: &collector)
        let sink = try FileSink(path: arguments.output!)
        try collector.words.withUnsafeBytes { try sink.write($0) }
        try sink.close()
        print(
            """
            {"first_row": \(arguments.firstRow), "rows": \(arguments.rows), "columns": \(values.rules.count), \
            "checksum": "\(hex(checksum))"}
            """)
    }
}
