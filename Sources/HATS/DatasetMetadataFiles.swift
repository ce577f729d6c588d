import ParquetFormat

/// `dataset/_common_metadata` and `dataset/_metadata`: Parquet files without data pages whose
/// footers hold the catalog's schema and, for `_metadata`, every row group of every
/// partition, each column chunk naming its file (`Norder=K/Dir=D/Npix=N.parquet`), as
/// pyarrow's `write_metadata` makes them for hats-import.
struct DatasetMetadataFiles {
    private var first: FileMetaData?
    private var rowGroups: [RowGroup] = []
    private var rows: Int64 = 0

    /// Adds a partition's footer; every partition has the same schema.
    mutating func add(footer: FileMetaData, datasetPath: String) throws(HATSImportError) {
        if let first, first.schema != footer.schema {
            throw .io("the partition '\(datasetPath)' has another schema than the first")
        }
        if first == nil { first = footer }
        for var rowGroup in footer.rowGroups {
            for index in rowGroup.columns.indices { rowGroup.columns[index].filePath = datasetPath }
            rowGroups.append(rowGroup)
        }
        rows += footer.numRows
    }

    /// Writes both files into `datasetDirectory`.
    func write(to datasetDirectory: String) throws(HATSImportError) {
        guard var metadata = first else { throw .io("no partition was written") }
        metadata.rowGroups = []
        metadata.numRows = 0
        try FileSystem.writeFile(datasetDirectory + "/_common_metadata", Self.fileBytes(metadata))
        metadata.rowGroups = rowGroups
        metadata.numRows = rows
        try FileSystem.writeFile(datasetDirectory + "/_metadata", Self.fileBytes(metadata))
    }

    /// A Parquet file that is only a footer: magic, FileMetaData, its length, magic.
    static func fileBytes(_ metadata: FileMetaData) -> [UInt8] {
        let footer = metadata.encoded()
        var bytes = Array("PAR1".utf8)
        bytes.append(contentsOf: footer)
        withUnsafeBytes(of: UInt32(footer.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: "PAR1".utf8)
        return bytes
    }
}
