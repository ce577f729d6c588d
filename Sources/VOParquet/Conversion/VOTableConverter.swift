import Parquet

/// Converts a VOTable document, read as a stream, to VOParquet: the first TABLE's
/// rows (TABLEDATA, or BINARY/BINARY2 with an inline base64 STREAM) go through a
/// `VOParquetWriter`, and everything but DATA is embedded in the footer.
///
/// Memory stays bounded whatever the input size: the parser holds a window of
/// the input, the stream decoder about a row, the writer one row group.
///
///     let converter = VOTableConverter(source: try FileByteSource(path: path))
///     let envelope = try converter.readEnvelope()
///     let writer = try VOParquetWriter(envelope: envelope, sink: sink, options: options)
///     let summary = try converter.convert(into: writer)
public final class VOTableConverter {
    private let parser: XMLPullParser
    private let structure: VOTableStructureReader
    private var stop: VOTableStructureReader.Stop?

    /// What a conversion did.
    public struct Summary: Equatable, Sendable {
        /// Rows written.
        public var rows: Int
        /// The limit that stopped the rows early; the file is then marked as overflowed.
        public var limit: VOParquetLimit?
    }

    /// A converter reading the document from `source`.
    public init(source: any ByteSource) {
        parser = XMLPullParser(source: source)
        structure = VOTableStructureReader(parser: parser)
    }

    /// Reads the document up to the first TABLE's DATA. Until `convert` has read
    /// the rest, the envelope's document ends right after that TABLE.
    public func readEnvelope() throws(ConversionError) -> VOTableEnvelope {
        do {
            let stop = try structure.readToData()
            self.stop = stop
            guard stop == .data else {
                return try VOTableEnvelope(fields: structure.fields, complete: .init(structure))
            }
            // Close the elements open around DATA: TABLE and its ancestors.
            let open = parser.openElementNames.dropLast()
            let closing = open.reversed().map { "</\($0)>" }
            let suffix = closing.joined(separator: "\n") + "\n"
            let parts = try VOTableEnvelope.Parts(
                prefix: structure.prefix, suffix: Array(suffix.utf8),
                tableEndTagLength: closing[0].utf8.count)
            return try VOTableEnvelope(fields: structure.fields, complete: parts, hadData: true)
        } catch {
            throw ConversionError(error, line: parser.line)
        }
    }

    /// Streams the rows into `writer` (made from `readEnvelope()`'s envelope), reads
    /// the rest of the document and finishes the writer, embedding the whole
    /// document without DATA, plus `extraInfos`. When the writer refuses a row for
    /// `maxRows` or `maxBytes`, the remaining rows are skipped and the file is
    /// finished as overflowed. `progress` gets the row count now and then.
    @discardableResult
    public func convert<Sink>(
        into writer: VOParquetWriter<Sink>, extraInfos: [VOTableInfo] = [],
        progress: @escaping (Int) -> Void = { _ in }
    ) throws(ConversionError) -> Summary {
        if stop == nil { _ = try readEnvelope() }
        var limit: VOParquetLimit?
        if stop == .data {
            limit = try readData(into: writer, progress: progress)
            do { try structure.readAfterData() } catch { throw ConversionError(error, line: parser.line) }
        }
        do {
            let complete = try VOTableEnvelope.Parts(structure)
            try writer.replaceEnvelope(try VOTableEnvelope(fields: structure.fields, complete: complete, hadData: true))
            try writer.finish(overflow: limit != nil, extraInfos: extraInfos)
        } catch {
            throw ConversionError(error)
        }
        return Summary(rows: writer.rowCount, limit: limit)
    }

    /// Reads the DATA element (the parser is on its start tag) through its end tag.
    private func readData<Sink>(into writer: VOParquetWriter<Sink>, progress: @escaping (Int) -> Void)
        throws(ConversionError) -> VOParquetLimit?
    {
        let dataDepth = parser.depth
        let formats = writer.columns.enumerated().map { CellFormat($1, index: $0) }
        var limit: VOParquetLimit?
        guard try nextElement(within: dataDepth) else { return nil }
        if parser.hasLocalName("TABLEDATA") {
            limit = try TableDataReader(parser: parser, writer: writer, formats: formats, progress: progress).read()
        } else if parser.hasLocalName("BINARY") || parser.hasLocalName("BINARY2") {
            let hasNullFlags = parser.hasLocalName("BINARY2")
            let serialization = parser.localName
            guard try nextElement(within: dataDepth + 1), parser.hasLocalName("STREAM") else {
                throw ConversionError(line: parser.line, "\(serialization) has no STREAM")
            }
            if parser.attribute("href") != nil {
                throw ConversionError(
                    line: parser.line, "a STREAM that refers to external data (href) is not supported")
            }
            let encoding = parser.attribute("encoding") ?? "none"
            guard encoding == "base64" else {
                throw ConversionError(line: parser.line, "STREAM encoding '\(encoding)' is not supported; only base64")
            }
            limit = try BinaryDataReader(
                parser: parser, writer: writer, formats: formats, hasNullFlags: hasNullFlags,
                progress: progress
            ).read()
        } else {
            throw ConversionError(
                line: parser.line, "\(parser.localName) data is not supported; only TABLEDATA, BINARY and BINARY2")
        }
        // Skip what is left of DATA: rows after a limit, trailing INFO elements.
        while true {
            let event: XMLEvent
            do { event = try parser.next() } catch { throw ConversionError(error) }
            if event == .endElement, parser.depth == dataDepth - 1 { return limit }
            if event == .endOfDocument { throw ConversionError(line: parser.line, "the document ends inside DATA") }
        }
    }

    /// Moves to the next child element of the element at `depth`; false when that
    /// element ends first (the parser is then on its end tag).
    private func nextElement(within depth: Int) throws(ConversionError) -> Bool {
        while true {
            let event: XMLEvent
            do { event = try parser.next() } catch { throw ConversionError(error) }
            switch event {
            case .startElement: return true
            case .endElement where parser.depth < depth: return false
            case .text where parser.text.allSatisfy(TextValues.isSpace): continue
            case .endOfDocument: throw ConversionError(line: parser.line, "the document ends inside DATA")
            default: throw ConversionError(line: parser.line, "unexpected content in DATA")
            }
        }
    }
}
