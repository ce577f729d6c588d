import ParquetCompression
import ParquetReader

/// A spool file (``InputSpool``) read back: the input's name for messages and the file.
struct SpoolFile {
    let name: String
    let path: String

    /// Reads the spool one row group at a time: `body` gets the row group's decoded chunks
    /// of the columns `columns` (leaf indexes) and its row count.
    func forEachRowGroup(
        columns: [Int], _ body: ([ColumnChunkData], Int) throws(HATSImportError) -> Void
    ) throws(HATSImportError) {
        let reader: ParquetFileReader
        do { reader = try ParquetFileReader(path: path) } catch { throw .spool(error) }
        let decompressor = PageDecompressor()
        for rowGroup in reader.metadata.rowGroups.indices {
            var chunks: [ColumnChunkData] = []
            for column in columns {
                do {
                    chunks.append(
                        try reader.readColumnChunk(rowGroup: rowGroup, column: column, decompressor: decompressor))
                } catch {
                    throw .spool(error)
                }
            }
            try body(chunks, Int(reader.metadata.rowGroups[rowGroup].numRows))
        }
    }

    /// The leaf layouts of every column, in order.
    func layouts() throws(HATSImportError) -> [CellLayout] {
        let reader: ParquetFileReader
        do { reader = try ParquetFileReader(path: path) } catch { throw .spool(error) }
        var layouts: [CellLayout] = []
        for leaf in reader.schema.leaves { layouts.append(try CellLayout(leaf)) }
        return layouts
    }
}
