import HEALPix
import Parquet
import ParquetCompression
import ParquetReader
import VOParquet

/// One input VOTable copied to a temporary VOParquet file through the same streaming reader
/// as `voparquet convert`, so that its rows can be read twice (once to count them per cell,
/// once to sort them) whatever the input is: a file, gzip or standard input.
///
/// The copy is uncompressed and PLAIN, in row groups of about a quarter of the memory
/// limit, so that reading back one row group at a time stays within it.
struct InputSpool {
    /// The spool's file.
    let file: SpoolFile
    /// The envelope of the input, with the whole document after its rows.
    let envelope: VOTableEnvelope

    /// Converts `source` to a spool at `path`; `progress` gets the rows read now and then.
    init(
        source: any ByteSource, name: String, path: String, options: VOParquetOptions,
        progress: @escaping (Int) -> Void
    ) throws(HATSImportError) {
        file = SpoolFile(name: name, path: path)
        let converter = VOTableConverter(source: GzipDetectingSource(source))
        let envelope: VOTableEnvelope
        do { envelope = try converter.readEnvelope() } catch { throw .input(name: name, error) }
        let sink: FileSink
        do { sink = try FileSink(path: path) } catch {
            throw .io("cannot create the temporary file '\(path)': \(error)")
        }
        let writer: VOParquetWriter<FileSink>
        do {
            writer = try VOParquetWriter(envelope: envelope, sink: sink, options: Self.spoolOptions(options))
        } catch {
            throw .input(name: name, ConversionError("\(error)"))
        }
        do { try converter.convert(into: writer, progress: progress) } catch { throw .input(name: name, error) }
        self.envelope = writer.envelope
    }

    /// The user's options with what makes the copy quick to write and to read back.
    static func spoolOptions(_ options: VOParquetOptions) -> VOParquetOptions {
        var spool = options
        spool.maxRows = nil
        spool.maxBytes = nil
        spool.writer.compression = .uncompressed
        spool.writer.encoding = .plain
        spool.writer.columnOptions = [:]
        spool.writer.writesPageIndex = false
        spool.writer.writesPageChecksums = false
        spool.writer.rowGroupTargetBytes = max(options.writer.memoryLimit / 4, 1 << 20)
        return spool
    }
}
