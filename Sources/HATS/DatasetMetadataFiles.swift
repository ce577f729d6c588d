import Parquet
import ParquetFormat

/// `dataset/_common_metadata` and `dataset/_metadata`: Parquet files without data pages whose
/// footers hold the catalog's schema and, for `_metadata`, every row group of every
/// partition, each column chunk naming its file (`Norder=K/Dir=D/Npix=N.parquet`), as
/// pyarrow's `write_metadata` makes them for hats-import.
///
/// The row groups wait serialized in a temporary file, so memory does not grow with the
/// number of partitions; the footer is written around them field by field.
final class DatasetMetadataFiles {
    /// The first partition's footer, without its row groups: schema and key-value metadata.
    private var first: FileMetaData?
    private let rowGroups: TemporaryFile
    private var rowGroupCount = 0
    private var rows: Int64 = 0

    init(temporaryDirectory: String) throws(HATSImportError) {
        rowGroups = try TemporaryFile(directory: temporaryDirectory)
    }

    /// Adds a partition's footer; every partition has the same schema.
    func add(footer: FileMetaData, datasetPath: String) throws(HATSImportError) {
        if let first, first.schema != footer.schema {
            throw .io("the partition '\(datasetPath)' has another schema than the first")
        }
        if first == nil {
            var metadata = footer
            metadata.rowGroups = []
            first = metadata
        }
        for var rowGroup in footer.rowGroups {
            for index in rowGroup.columns.indices { rowGroup.columns[index].filePath = datasetPath }
            try rowGroups.append(rowGroup.encoded())
            rowGroupCount += 1
        }
        rows += footer.numRows
    }

    /// Writes both files into `datasetDirectory`.
    func write(to datasetDirectory: String) throws(HATSImportError) {
        guard let metadata = first else { throw .io("no partition was written") }
        try rowGroups.finishWriting()
        let common = Self.fileBytes(metadata.encoded())
        try FileSystem.writeFile(datasetDirectory + "/_common_metadata", common)
        // The footer up to the row groups' list header, the row groups, then the rest.
        var encoder = CompactEncoder()
        encoder.beginStruct()
        encoder.writeField(1, i32: metadata.version)
        encoder.writeField(2, structList: metadata.schema)
        encoder.writeField(3, i64: rows)
        encoder.writeFieldHeader(id: 4, type: .list)
        encoder.writeListHeader(elementType: .struct, count: rowGroupCount)
        let head = encoder.bytes
        encoder.bytes = []
        if let keyValueMetadata = metadata.keyValueMetadata { encoder.writeField(5, structList: keyValueMetadata) }
        if let createdBy = metadata.createdBy { encoder.writeField(6, string: createdBy) }
        if let columnOrders = metadata.columnOrders { encoder.writeField(7, structList: columnOrders) }
        encoder.endStruct()
        let tail = encoder.bytes
        let path = datasetDirectory + "/_metadata"
        do {
            let output = try FileSink(path: path)
            let length = UInt32(head.count + rowGroups.size + tail.count).littleEndian
            try Self.magic.withUnsafeBytes { try output.write($0) }
            try head.withUnsafeBytes { try output.write($0) }
            try rowGroups.forEachPiece { bytes throws(HATSImportError) in
                do { try output.write(bytes) } catch { throw .io("cannot write '\(path)': \(error)") }
            }
            try tail.withUnsafeBytes { try output.write($0) }
            try withUnsafeBytes(of: length) { try output.write($0) }
            try Self.magic.withUnsafeBytes { try output.write($0) }
            try output.close()
        } catch let error as HATSImportError {
            throw error
        } catch {
            throw .io("cannot write '\(path)': \(error)")
        }
    }

    /// The bytes that open and close a Parquet file.
    private static let magic = Array("PAR1".utf8)

    /// A Parquet file that is only a footer: magic, the encoded FileMetaData, its length, magic.
    static func fileBytes(_ footer: [UInt8]) -> [UInt8] {
        var bytes = magic
        bytes.append(contentsOf: footer)
        withUnsafeBytes(of: UInt32(footer.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: magic)
        return bytes
    }
}
