import HEALPix
import Parquet
import ParquetReader
import VOParquet

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a HATS catalog from VOTable inputs in two passes, with memory bounded by
/// `output.writer.memoryLimit` whatever the number of rows:
///
/// 1. ``addInput(_:name:)`` copies each input to a temporary VOParquet file (read the way
///    `voparquet convert` reads it) and counts its rows per HEALPix cell at the highest order.
/// 2. ``finish()`` partitions the sky as hats-import does, sorts every row by `_healpix_29`
///    through temporary run files, writes each partition as a VOParquet file at
///    `dataset/Norder=K/Dir=D/Npix=N.parquet` with `_healpix_29` as its first column, then
///    `dataset/_common_metadata`, `dataset/_metadata`, `partition_info.csv`, `hats.properties`
///    and `properties`.
///
/// The temporary files live in `.voparquet-tmp` inside the catalog directory and are removed
/// by ``finish()``; after a failure, ``discard()`` removes the whole directory.
///
///     let builder = try HATSCatalogBuilder(directory: path, options: options)
///     try builder.addInput(try FileByteSource(path: "objects.xml"), name: "objects.xml")
///     let summary = try builder.finish()
public final class HATSCatalogBuilder {
    private let directory: String
    private let temporaryDirectory: String
    private let options: HATSImportOptions
    private let checkpoint: () throws(HATSImportError) -> Void
    /// The first input's envelope, which every other input's FIELDs must match.
    private var first: (name: String, envelope: VOTableEnvelope)?
    /// The spools, kept without their envelopes so that many inputs cost little memory.
    private var spools: [SpoolFile] = []
    private var histogram: PixelHistogram
    private var dropped: Int64 = 0
    private var positionColumns: (ra: Int, dec: Int)?

    /// Called now and then (every few thousand rows) with how far the import has got.
    public var progress: ((HATSImportProgress) -> Void)?

    /// A builder writing into `directory`, which it creates and which must not exist yet.
    /// `checkpoint` is called every few thousand rows and may throw (`.interrupted`) to stop.
    public init(
        directory: String, options: HATSImportOptions,
        checkpoint: @escaping () throws(HATSImportError) -> Void = {}
    ) throws(HATSImportError) {
        guard HEALPix.isValid(order: options.highestOrder), HEALPix.isValid(order: options.lowestOrder),
            options.lowestOrder <= options.highestOrder
        else {
            throw .partitioning(.invalidOrders(lowest: options.lowestOrder, highest: options.highestOrder))
        }
        guard options.pixelThreshold > 0 else { throw .partitioning(.invalidThreshold(options.pixelThreshold)) }
        guard mkdir(directory, 0o777) == 0 else { throw FileSystem.failure("create the directory '\(directory)'") }
        self.directory = directory
        temporaryDirectory = directory + "/.voparquet-tmp"
        self.options = options
        self.checkpoint = checkpoint
        histogram = PixelHistogram(order: options.highestOrder)
        do { try FileSystem.makeDirectories(temporaryDirectory) } catch {
            FileSystem.removeTree(directory)
            throw error
        }
    }

    /// Reads one input VOTable (any serialization `voparquet convert` reads, optionally
    /// gzip-compressed) and counts its rows per cell. Every input must have the FIELDs of the
    /// first. `name` names the input in messages.
    public func addInput(_ source: any ByteSource, name: String) throws(HATSImportError) {
        let path = temporaryDirectory + "/input-\(spools.count).parquet"
        let spool = try InputSpool(source: source, name: name, path: path, options: options.output) { [progress] rows in
            progress?(HATSImportProgress(stage: .reading(input: name), rows: Int64(rows)))
        }
        if let first {
            try Self.checkSameFields(spool, as: first)
        } else {
            positionColumns = (
                try Self.positionColumn(options.raColumn, option: "--ra", in: spool),
                try Self.positionColumn(options.decColumn, option: "--dec", in: spool)
            )
            // A table that already has the column is refused before any row is sorted.
            do { _ = try SpatialIndexColumn.envelope(adding: spool.envelope) } catch {
                throw .input(name: name, ConversionError("\(error)"))
            }
            first = (name, spool.envelope)
        }
        spools.append(spool.file)
        try count(spool.file)
    }

    /// Partitions, sorts and writes the catalog; removes the temporary files.
    public func finish() throws(HATSImportError) -> HATSImportSummary {
        defer { removeTemporaryFiles() }
        guard let first, let firstSpool = spools.first, let positionColumns else { throw .io("no input was read") }
        let partitions: [HATSPartition]
        do {
            partitions = try AdaptivePartitioning.partitions(
                histogram, lowestOrder: options.lowestOrder, threshold: options.pixelThreshold)
        } catch {
            throw .partitioning(error)
        }
        let envelope: VOTableEnvelope
        do { envelope = try SpatialIndexColumn.envelope(adding: first.envelope) } catch {
            throw .input(name: first.name, ConversionError("\(error)"))
        }
        let layouts = try firstSpool.layouts()
        let sorter = ExternalRowSorter(
            memoryBudget: options.output.writer.memoryLimit, directory: temporaryDirectory, checkpoint: checkpoint)
        for spool in spools {
            try sortRows(of: spool, layouts: layouts, positions: positionColumns, into: sorter)
            unlink(spool.path)
        }
        let writer = try PartitionFileWriter(
            catalogDirectory: directory, partitions: partitions, envelope: envelope, options: options.output,
            layouts: layouts, temporaryDirectory: temporaryDirectory)
        var written: Int64 = 0
        try sorter.forEachSorted { key, row throws(HATSImportError) in
            try writer.append(index29: key, row: row)
            written += 1
            if written & 4095 == 0 {
                progress?(HATSImportProgress(stage: .writing, rows: written, totalRows: histogram.totalRows))
            }
        }
        try writer.finish()
        try writer.metadata.write(to: directory + "/dataset")
        try FileSystem.writeFile(directory + "/partition_info.csv", Array(PartitionInfoFile.text(partitions).utf8))
        let properties = CatalogProperties(
            catalogName: options.catalogName, rows: histogram.totalRows, raColumn: options.raColumn,
            decColumn: options.decColumn, pixelThreshold: options.pixelThreshold, partitions: partitions,
            datasetBytes: writer.bytesWritten, builder: options.builder)
        let text = Array(properties.text(now: time(nil)).utf8)
        try FileSystem.writeFile(directory + "/hats.properties", text)
        try FileSystem.writeFile(directory + "/properties", text)
        return HATSImportSummary(rows: histogram.totalRows, droppedRows: dropped, partitions: partitions)
    }

    /// Removes the temporary files.
    private func removeTemporaryFiles() {
        FileSystem.removeTree(temporaryDirectory)
    }

    /// Removes the directory and everything in it, after a failure.
    public func discard() {
        FileSystem.removeTree(directory)
    }

    // MARK: Passes

    /// The first pass over one input: rows per cell at the highest order.
    private func count(_ spool: SpoolFile) throws(HATSImportError) {
        let (ra, dec) = positionColumns!
        var row = 0
        try spool.forEachRowGroup(columns: [ra, dec]) { chunks, rows throws(HATSImportError) in
            let raValues = PositionColumn(chunks[0])
            let decValues = PositionColumn(chunks[1])
            for index in 0..<rows {
                if row & 4095 == 0 { try checkpoint() }
                switch position(raValues.value(row: index), decValues.value(row: index)) {
                case .index29(let index29): histogram.add(index29: index29)
                case .invalid(let reason):
                    guard options.dropsInvalidPositions else {
                        throw .invalidPosition(input: spool.name, row: row, detail: reason)
                    }
                    dropped += 1
                }
                row += 1
            }
        }
    }

    /// The second pass over one input: every row with a valid position, encoded, into the sort.
    private func sortRows(
        of spool: SpoolFile, layouts: [CellLayout], positions: (ra: Int, dec: Int), into sorter: ExternalRowSorter
    ) throws(HATSImportError) {
        var discarded: [UInt8] = []
        var sorted = sorter.count
        try spool.forEachRowGroup(columns: Array(layouts.indices)) { chunks, rows throws(HATSImportError) in
            var encoder = RowEncoder(layouts: layouts, chunks: chunks)
            let raValues = PositionColumn(chunks[positions.ra])
            let decValues = PositionColumn(chunks[positions.dec])
            for index in 0..<rows {
                if index & 4095 == 0 {
                    try checkpoint()
                    progress?(HATSImportProgress(stage: .sorting, rows: sorted, totalRows: histogram.totalRows))
                }
                switch position(raValues.value(row: index), decValues.value(row: index)) {
                case .index29(let index29):
                    try sorter.add(key: index29) { encoder.encodeRow(into: &$0) }
                    sorted += 1
                case .invalid:
                    encoder.encodeRow(into: &discarded)
                    discarded.removeAll(keepingCapacity: true)
                }
            }
        }
    }

    private func position(_ ra: Double?, _ dec: Double?) -> RowPosition {
        RowPosition(ra: ra, dec: dec, raColumn: options.raColumn, decColumn: options.decColumn)
    }

    // MARK: Checks

    /// The column index of the FIELD `name`, which must be a numeric scalar.
    private static func positionColumn(_ name: String, option: String, in spool: InputSpool) throws(HATSImportError)
        -> Int
    {
        let fields = spool.envelope.fields
        guard let index = fields.firstIndex(where: { $0.name == name }) else {
            throw .missingColumn(option: option, column: name, input: spool.file.name, available: fields.map(\.name))
        }
        let field = fields[index]
        let numeric: Set<VOTableDatatype> = [.unsignedByte, .short, .int, .long, .float, .double]
        guard numeric.contains(field.datatype), field.isScalar else {
            let size = field.arraysizeText.map { " arraysize=\"\($0)\"" } ?? ""
            throw .positionColumnType(
                option: option, column: name, datatype: "datatype=\"\(field.datatype.rawValue)\"\(size)")
        }
        return index
    }

    private static func checkSameFields(_ spool: InputSpool, as first: (name: String, envelope: VOTableEnvelope))
        throws(HATSImportError)
    {
        let fields = spool.envelope.fields
        let expected = first.envelope.fields
        guard fields != expected else { return }
        let detail: String
        if let position = zip(fields, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            detail =
                "FIELD #\(position + 1) is '\(fields[position].name)' (\(fields[position].datatype.rawValue)), "
                + "not '\(expected[position].name)' (\(expected[position].datatype.rawValue))"
        } else {
            detail = "\(fields.count) FIELDs instead of \(expected.count)"
        }
        throw .differentFields(name: spool.file.name, firstInput: first.name, detail: detail)
    }
}
