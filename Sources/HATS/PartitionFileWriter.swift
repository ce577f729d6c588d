import HEALPix
import Parquet
import ParquetFormat
import ParquetReader
import VOParquet

/// Writes rows that arrive sorted by `_healpix_29` into their partitions' files, one file
/// open at a time, each a VOParquet file of its own, and gathers the footers for
/// `_metadata`.
final class PartitionFileWriter {
    private let catalogDirectory: String
    private let partitions: [HATSPartition]
    private let envelope: VOTableEnvelope
    private let options: VOParquetOptions
    private let replayer: RowReplayer
    private var current = -1
    private var writer: VOParquetWriter<FileSink>?
    let metadata: DatasetMetadataFiles
    /// Bytes of the partition files written.
    private(set) var bytesWritten = 0

    init(
        catalogDirectory: String, partitions: [HATSPartition], envelope: VOTableEnvelope, options: VOParquetOptions,
        layouts: [CellLayout], temporaryDirectory: String
    ) throws(HATSImportError) {
        metadata = try DatasetMetadataFiles(temporaryDirectory: temporaryDirectory)
        self.catalogDirectory = catalogDirectory
        self.partitions = partitions
        self.envelope = envelope
        self.options = options
        replayer = RowReplayer(layouts: layouts)
    }

    /// Appends the next row in `_healpix_29` order.
    func append(index29: Int64, row: UnsafeRawBufferPointer) throws(HATSImportError) {
        if writer == nil || index29 >= partitions[current].pixel.descendants(at: SpatialIndexColumn.order).upperBound {
            try finishCurrent()
            repeat {
                current += 1
            } while current < partitions.count
                && index29 >= partitions[current].pixel.descendants(at: SpatialIndexColumn.order).upperBound
            guard current < partitions.count,
                partitions[current].pixel.descendants(at: SpatialIndexColumn.order).contains(index29)
            else {
                throw .io("internal error: a row with _healpix_29 \(index29) belongs to no partition")
            }
            try open(partitions[current])
        }
        do {
            try replayer.append(index29: index29, row: row, to: writer!)
        } catch {
            throw .writer(path: partitions[current].path, error)
        }
    }

    /// Finishes the last partition; every partition must have got its rows.
    func finish() throws(HATSImportError) {
        try finishCurrent()
        if current < partitions.count - 1 {
            throw .io("internal error: the partition \(partitions[current + 1].pixel) got no rows")
        }
    }

    private func open(_ partition: HATSPartition) throws(HATSImportError) {
        let path = catalogDirectory + "/" + partition.path
        try FileSystem.makeDirectories(String(path[..<path.lastIndex(of: "/")!]))
        do {
            writer = try VOParquetWriter(envelope: envelope, sink: try FileSink(path: path), options: options)
        } catch let error as VOParquetError {
            throw .writer(path: partition.path, error)
        } catch {
            throw .io("cannot create '\(path)': \(error)")
        }
    }

    private func finishCurrent() throws(HATSImportError) {
        guard let writer else { return }
        self.writer = nil
        let partition = partitions[current]
        do { try writer.finish() } catch { throw .writer(path: partition.path, error) }
        guard Int64(writer.rowCount) == partition.rows else {
            throw .io("internal error: \(writer.rowCount) rows written to \(partition.path), \(partition.rows) counted")
        }
        bytesWritten += writer.bytesWritten
        let footer: FileMetaData
        do { footer = try ParquetFileReader(path: catalogDirectory + "/" + partition.path).metadata } catch {
            throw .io("cannot read back '\(partition.path)': \(error)")
        }
        try metadata.add(footer: footer, datasetPath: partition.datasetPath)
    }
}
