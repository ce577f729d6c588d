import Parquet

/// Reads the rows of a TABLEDATA element into a writer: one TR per row, one TD
/// per FIELD. An empty TD is null; so is a value equal to the FIELD's VALUES null.
final class TableDataReader<Sink: ByteSink> {
    private let parser: XMLPullParser
    private let writer: VOParquetWriter<Sink>
    private let formats: [CellFormat]
    private let names: [String]
    private let textNulls: [[UInt8]?]
    private var scratch = ElementScratch()
    /// The current TD's text, followed by a NUL for strtod.
    private var cell: UnsafeMutablePointer<UInt8>
    private var cellCapacity = 256
    private var cellCount = 0
    private let progress: (Int) -> Void

    init(parser: XMLPullParser, writer: VOParquetWriter<Sink>, formats: [CellFormat], progress: @escaping (Int) -> Void)
    {
        self.parser = parser
        self.writer = writer
        self.formats = formats
        self.names = CellFormat.names(writer.columns)
        self.textNulls = CellFormat.textNulls(writer.columns)
        self.progress = progress
        cell = .allocate(capacity: cellCapacity)
    }

    deinit { cell.deallocate() }

    /// Reads from the TABLEDATA start tag through its end tag, or until the writer
    /// refuses a row for a limit (returned; the parser is then inside TABLEDATA).
    func read() throws(ConversionError) -> VOParquetLimit? {
        let tableDepth = parser.depth
        var cellIndex = 0
        var inRow = false
        while true {
            let event: XMLEvent
            do { event = try parser.next() } catch { throw ConversionError(error) }
            switch event {
            case .startElement where inRow && parser.hasLocalName("TD"):
                guard cellIndex < formats.count else {
                    throw ConversionError(
                        line: parser.line, row: writer.rowCount,
                        "the row has more cells than the \(formats.count) FIELDs")
                }
                if parser.hasAttributes, parser.attribute("encoding") != nil {
                    throw ConversionError(
                        line: parser.line, row: writer.rowCount, column: names[cellIndex],
                        "TD with an encoding attribute is not supported")
                }
                try readCellText()
                try appendCell(formats[cellIndex])
                cellIndex += 1
            case .startElement where !inRow && parser.depth == tableDepth + 1 && parser.hasLocalName("TR"):
                inRow = true
                cellIndex = 0
            case .endElement where inRow:
                // The end of TR (a TD's end is consumed by readCellText).
                guard cellIndex == formats.count else {
                    throw ConversionError(
                        line: parser.line, row: writer.rowCount,
                        "the row has \(cellIndex) cells, the table has \(formats.count) FIELDs")
                }
                inRow = false
                do {
                    try writer.endRow()
                } catch {
                    if case .limitReached(let limit) = error { return limit }
                    throw ConversionError(error, line: parser.line)
                }
                if writer.rowCount & 4095 == 0 { progress(writer.rowCount) }
            case .endElement:
                return nil
            case .text:
                guard parser.text.allSatisfy(TextValues.isSpace) else {
                    throw ConversionError(line: parser.line, row: writer.rowCount, "text outside a TD")
                }
            case .startElement:
                throw ConversionError(
                    line: parser.line, row: writer.rowCount, "unexpected <\(parser.name)> in TABLEDATA")
            case .endOfDocument:
                throw ConversionError(line: parser.line, "the document ends inside TABLEDATA")
            }
        }
    }

    /// Collects the TD's text up to its end tag.
    private func readCellText() throws(ConversionError) {
        cellCount = 0
        while true {
            let event: XMLEvent
            do { event = try parser.next() } catch { throw ConversionError(error) }
            switch event {
            case .text: appendToCell(parser.text)
            case .endElement: return
            default: throw ConversionError(line: parser.line, row: writer.rowCount, "unexpected markup inside TD")
            }
        }
    }

    private func appendToCell(_ text: UnsafeBufferPointer<UInt8>) {
        if cellCount + text.count + 1 > cellCapacity {
            let grown = UnsafeMutablePointer<UInt8>.allocate(
                capacity: max(cellCapacity * 2, cellCount + text.count + 1))
            grown.update(from: cell, count: cellCount)
            cell.deallocate()
            cell = grown
            cellCapacity = max(cellCapacity * 2, cellCount + text.count + 1)
        }
        (cell + cellCount).update(from: text.baseAddress!, count: text.count)
        cellCount += text.count
    }

    private func appendCell(_ format: CellFormat) throws(ConversionError) {
        cell[cellCount] = 0
        do {
            try append(UnsafeRawBufferPointer(start: cell, count: cellCount), format)
        } catch {
            switch error {
            case .value(let message):
                throw ConversionError(line: parser.line, row: writer.rowCount, column: names[format.column], message)
            case .writer(let error):
                throw ConversionError(error, line: parser.line)
            case .stream(let error):
                throw error
            }
        }
    }

    /// `text` is followed by a NUL byte.
    private func append(_ text: UnsafeRawBufferPointer, _ format: CellFormat) throws(CellDecodingFailure) {
        if format.primitive == .char || format.primitive == .unicodeChar {
            let isNull = text.isEmpty || (textNulls[format.column].map { text.elementsEqual($0) } ?? false)
            do {
                if isNull { try writer.appendNull() } else { try writer.append(utf8: text) }
            } catch {
                throw .writer(error)
            }
        } else if text.allSatisfy(TextValues.isSpace) {
            do { try writer.appendNull() } catch { throw .writer(error) }
        } else if format.isList {
            try appendArray(text, format)
        } else {
            try appendScalar(text, format)
        }
    }

    private func appendScalar(_ text: UnsafeRawBufferPointer, _ format: CellFormat) throws(CellDecodingFailure) {
        switch format.primitive {
        case .boolean, .bit:
            guard let value = TextValues.boolean(text), format.primitive == .boolean || value != nil else {
                throw .value("'\(Self.shown(text))' is not a \(format.primitive)")
            }
            do {
                if let value { try writer.append(value) } else { try writer.appendNull() }
            } catch {
                throw .writer(error)
            }
        case .unsignedByte, .short, .int, .long:
            guard let value = TextValues.integer(text) else { throw .value("'\(Self.shown(text))' is not an integer") }
            do {
                if value == format.integerNull { try writer.appendNull() } else { try writer.append(value) }
            } catch {
                throw .writer(error)
            }
        case .float:
            guard let value = TextValues.float(Self.cString(text), count: text.count) else {
                throw .value("'\(Self.shown(text))' is not a float")
            }
            do {
                if Double(value) == format.floatNull { try writer.appendNull() } else { try writer.append(value) }
            } catch {
                throw .writer(error)
            }
        case .double:
            guard let value = TextValues.double(Self.cString(text), count: text.count) else {
                throw .value("'\(Self.shown(text))' is not a double")
            }
            do {
                if value == format.floatNull { try writer.appendNull() } else { try writer.append(value) }
            } catch {
                throw .writer(error)
            }
        case .char, .unicodeChar:
            preconditionFailure("text cells are appended as text")
        }
    }

    /// Whitespace-separated elements (bits may also run together).
    private func appendArray(_ text: UnsafeRawBufferPointer, _ format: CellFormat) throws(CellDecodingFailure) {
        scratch.reset()
        var count = 0
        var index = 0
        let base = Self.cString(text)
        while true {
            while index < text.count, TextValues.isSpace(text[index]) { index += 1 }
            guard index < text.count else { break }
            var end = index
            if format.primitive == .bit {
                end = index + 1
            } else {
                while end < text.count, !TextValues.isSpace(text[end]) { end += 1 }
            }
            let token = UnsafeRawBufferPointer(rebasing: text[index..<end])
            count += 1
            var isNull = false
            switch format.primitive {
            case .boolean, .bit:
                guard let value = TextValues.boolean(token), format.primitive == .boolean || value != nil else {
                    throw .value("'\(Self.shown(token))' is not a \(format.primitive)")
                }
                scratch.booleans.append(value ?? false)
                isNull = value == nil
            case .unsignedByte, .short, .int, .long:
                guard let value = TextValues.integer(token) else {
                    throw .value("'\(Self.shown(token))' is not an integer")
                }
                scratch.integers.append(value)
                isNull = value == format.integerNull
            case .float:
                // strtof stops at the whitespace (or NUL) after the token.
                guard let value = TextValues.float(base + index, count: end - index) else {
                    throw .value("'\(Self.shown(token))' is not a float")
                }
                scratch.floats.append(value)
                isNull = format.floatNull.map { Double(value) == $0 } ?? false
            case .double:
                guard let value = TextValues.double(base + index, count: end - index) else {
                    throw .value("'\(Self.shown(token))' is not a double")
                }
                scratch.doubles.append(value)
                isNull = value == format.floatNull
            case .char, .unicodeChar:
                preconditionFailure("text is not an array")
            }
            scratch.noteElement(isNull: isNull, count: count)
            index = end
        }
        do { try scratch.appendArray(format.primitive, to: writer) } catch { throw .writer(error) }
    }

    private static func cString(_ text: UnsafeRawBufferPointer) -> UnsafePointer<CChar> {
        text.baseAddress!.assumingMemoryBound(to: CChar.self)
    }

    private static func shown(_ text: UnsafeRawBufferPointer) -> String {
        String(decoding: text.prefix(40), as: UTF8.self).trimmingASCIIWhitespace().description
    }
}
