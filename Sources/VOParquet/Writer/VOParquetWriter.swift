import Parquet
import ParquetFormat

/// Writes a VOParquet file: the rows of a VOTable result as Parquet, with the
/// VOTable (without DATA) embedded in the footer as the IVOA VOParquet Note 1.0
/// asks (`IVOA.VOTable-Parquet.version` = `1.0`, `IVOA.VOTable-Parquet.content`).
///
/// Append one cell per FIELD in order with the typed `append` methods (or
/// `appendNull()`), then `endRow()`. Array columns take `appendArray(_:)`, or
/// `beginArray()`, element appends and `endArray()`. A value that does not fit its
/// column throws, and the row is rolled back. When `maxRows` or `maxBytes` would
/// be passed, `endRow()` throws `VOParquetError.limitReached` instead: the row is
/// dropped and `finish(overflow: true)` completes the file.
///
/// A writer is confined to one task at a time.
public final class VOParquetWriter<Sink: ByteSink> {
    /// The VOTable envelope whose document the footer embeds.
    public private(set) var envelope: VOTableEnvelope
    /// One column per FIELD, in order.
    public let columns: [VOParquetColumn]
    /// The settings the writer was made with.
    public let options: VOParquetOptions
    @usableFromInline let core: ParquetWriter<CountingSink<Sink>>
    private let counter: CountingSink<Sink>
    private let bound: OutputSizeBound
    /// Under `maxBytes`, the most UTF-8 bytes the embedded document may take.
    private let contentBudget: Int
    /// Per column: the most string characters, the arraysize limits and how text is read.
    private let stringLimits: [Int]
    private let textRoles: [TextRole]
    @usableFromInline let elementWidths: [Int]

    /// Elements of the open array cell; -1 when no array is open.
    @usableFromInline @exclusivity(unchecked) var openArrayCount = -1
    /// Bytes of the current row's strings and array elements, with their overhead.
    @usableFromInline @exclusivity(unchecked) var rowVariableBytes = 0
    /// PLAIN-size bound of the rows buffered in the open row group.
    private var bufferedBytes = 0
    private var bufferedRows = 0
    private var rowGroupsWritten = 0
    @usableFromInline @exclusivity(unchecked) var state = State.open

    @usableFromInline
    enum State: Equatable {
        case open
        case limited(VOParquetLimit)
        case finished
    }

    private enum TextRole {
        case notText
        case char
        case unicodeChar
        case timestamp
    }

    /// The "PAR1" that opens every Parquet file.
    private static var magicLength: Int { 4 }
    static var versionKey: String { "IVOA.VOTable-Parquet.version" }
    static var contentKey: String { "IVOA.VOTable-Parquet.content" }

    /// Maps the envelope's FIELDs to Parquet columns and writes the file's leading
    /// magic bytes to `sink`. Nothing is written when the envelope cannot be mapped.
    public init(envelope: VOTableEnvelope, sink: Sink, options: VOParquetOptions = VOParquetOptions())
        throws(VOParquetError)
    {
        var columns: [VOParquetColumn] = []
        for field in envelope.fields { columns.append(try VOParquetColumn(field: field, options: options)) }
        let schema: Schema
        let plan: WriterMemoryPlan
        do {
            schema = try Schema(columns.map(\.column))
            plan = try WriterMemoryPlan(options: options.writer, schema: schema)
        } catch {
            throw .writer(error)
        }
        let bound = OutputSizeBound(
            columns: columns, envelope: envelope, options: options, pageMemoryLimit: plan.pageMemoryLimit)
        if let maxBytes = options.maxBytes {
            let needed = Self.magicLength + bound.footer(rowGroups: 0)
            guard needed <= maxBytes else { throw .maxBytesTooSmall(maxBytes: maxBytes, needed: needed) }
        }
        if let maxRows = options.maxRows, maxRows < 0 { throw .writer(.invalidOption("maxRows must not be negative")) }
        self.envelope = envelope
        self.columns = columns
        self.options = options
        self.bound = bound
        contentBudget = envelope.maximumContentByteCount + options.infoReserveBytes
        stringLimits = columns.map { $0.maximumStringLength ?? Int.max }
        textRoles = columns.map { column in
            switch column.valueKind {
            case .timestamp: .timestamp
            case .string: column.field.datatype == .unicodeChar ? .unicodeChar : .char
            default: .notText
            }
        }
        elementWidths = columns.map { OutputSizeBound.physicalWidth($0.valueKind) + bound.perValueOverhead }
        counter = CountingSink(sink)
        do {
            core = try ParquetWriter(schema: schema, sink: counter, options: options.writer)
            try core.setMetadata(Self.versionKey, "1.0")
        } catch {
            throw .writer(error)
        }
    }

    /// Rows accepted so far: the index of the row being appended.
    public var rowCount: Int { core.rowCount }

    /// Bytes handed to the sink so far.
    public var bytesWritten: Int { counter.byteCount }

    /// The sink the file goes to.
    public var sink: Sink { counter.base }

    // MARK: Cells

    /// Appends a boolean cell or array element.
    @inlinable
    public func append(_ value: Bool) throws(VOParquetError) {
        try checkOpen()
        do { try core.append(value) } catch { throw failed(error) }
        advance()
    }

    /// Appends an integer cell or array element, range-checked against the column's type.
    public func append(_ value: UInt8) throws(VOParquetError) {
        try checkOpen()
        do { try core.append(value) } catch { throw failed(error) }
        advance()
    }

    /// Appends an integer cell or array element, range-checked against the column's type.
    public func append(_ value: Int16) throws(VOParquetError) {
        try checkOpen()
        do { try core.append(value) } catch { throw failed(error) }
        advance()
    }

    /// Appends an integer cell or array element, range-checked against the column's type.
    @inlinable
    public func append(_ value: Int32) throws(VOParquetError) {
        try checkOpen()
        do { try core.append(value) } catch { throw failed(error) }
        advance()
    }

    /// Appends an integer cell or array element, range-checked against the column's type.
    @inlinable
    public func append(_ value: Int64) throws(VOParquetError) {
        try checkOpen()
        do { try core.append(value) } catch { throw failed(error) }
        advance()
    }

    /// Appends an integer cell or array element, range-checked against the column's type.
    public func append(_ value: Int) throws(VOParquetError) {
        try checkOpen()
        do { try core.append(value) } catch { throw failed(error) }
        advance()
    }

    /// Appends an integer cell or array element, range-checked against the column's type.
    public func append(_ value: UInt64) throws(VOParquetError) {
        try checkOpen()
        do { try core.append(value) } catch { throw failed(error) }
        advance()
    }

    /// Appends a cell or array element to a float column.
    @inlinable
    public func append(_ value: Float) throws(VOParquetError) {
        try checkOpen()
        do { try core.append(value) } catch { throw failed(error) }
        advance()
    }

    /// Appends a cell or array element to a double column.
    @inlinable
    public func append(_ value: Double) throws(VOParquetError) {
        try checkOpen()
        do { try core.append(value) } catch { throw failed(error) }
        advance()
    }

    /// Text for a char or unicodeChar column (cut to a bounded arraysize, or
    /// rejected, as the options say), or ISO-8601 text for a TIMESTAMP column.
    public func append(_ value: String) throws(VOParquetError) {
        var text = value
        // withUTF8 only rethrows untyped errors, so a Result carries the typed one out.
        try text.withUTF8 { bytes in
            Result { () throws(VOParquetError) in try append(utf8: UnsafeRawBufferPointer(bytes)) }
        }.get()
    }

    /// UTF-8 text, as `append(_: String)` takes it, without making a String.
    public func append(utf8 bytes: UnsafeRawBufferPointer) throws(VOParquetError) {
        try checkOpen()
        let index = core.cursor
        let role = openArrayCount < 0 && index < columns.count ? textRoles[index] : .notText
        switch role {
        case .char, .unicodeChar:
            let limit = stringLimits[index]
            var length = bytes.count
            if length > limit {
                let isChar = role == .char
                let count = isChar ? bytes.count : StringLimit.utf16Count(bytes)
                if count > limit {
                    guard options.overlongStrings == .truncate else {
                        throw rejectRow(
                            .stringTooLong(
                                column: columns[index].field.name, row: rowCount, length: count, limit: limit))
                    }
                    length =
                        isChar
                        ? StringLimit.utf8PrefixLength(bytes, maxBytes: limit)
                        : StringLimit.utf16PrefixLength(bytes, maxUnits: limit)
                }
            }
            do { try core.append(bytes: UnsafeRawBufferPointer(rebasing: bytes[..<length])) } catch {
                throw failed(error)
            }
            rowVariableBytes &+= length &+ bound.perValueOverhead
        case .timestamp:
            guard let micros = ISO8601Timestamp.microseconds(bytes) else {
                throw rejectRow(
                    .invalidTimestamp(
                        column: columns[index].field.name, row: rowCount,
                        text: String(decoding: bytes.prefix(64), as: UTF8.self)))
            }
            do { try core.append(micros) } catch { throw failed(error) }
        case .notText:
            // Not a text cell: the core writer names the mismatch.
            do { try core.append(String(decoding: bytes, as: UTF8.self)) } catch { throw failed(error) }
            advance()
            return
        }
    }

    /// A null cell, or a null element of the open array.
    public func appendNull() throws(VOParquetError) {
        try checkOpen()
        do { try core.appendNull() } catch { throw failed(error) }
        advance()
    }

    // MARK: Arrays

    /// Opens an array cell; append its elements (or nulls), then `endArray()`.
    public func beginArray() throws(VOParquetError) {
        try checkOpen()
        do { try core.beginList() } catch { throw failed(error) }
        openArrayCount = 0
    }

    /// Closes the open array cell, checking its length against the arraysize.
    public func endArray() throws(VOParquetError) {
        try checkOpen()
        if openArrayCount >= 0, core.cursor < columns.count { try checkArrayLength(openArrayCount) }
        do { try core.endList() } catch { throw failed(error) }
        openArrayCount = -1
        rowVariableBytes &+= 2
    }

    /// A whole array cell of non-null elements. A complex value is two elements:
    /// real part, imaginary part.
    public func appendArray<Element: ListElement>(_ elements: UnsafeBufferPointer<Element>) throws(VOParquetError) {
        try checkOpen()
        let index = core.cursor
        if openArrayCount < 0, index < columns.count { try checkArrayLength(elements.count) }
        do { try core.appendList(elements) } catch { throw failed(error) }
        rowVariableBytes &+= elements.count &* elementWidths[index] &+ 2
    }

    /// A whole array cell of non-null elements; see `appendArray(_:)` for buffers.
    public func appendArray<Element: ListElement>(_ elements: [Element]) throws(VOParquetError) {
        try elements.withUnsafeBufferPointer { (buffer) throws(VOParquetError) in try appendArray(buffer) }
    }

    private func checkArrayLength(_ count: Int) throws(VOParquetError) {
        let column = columns[core.cursor]
        guard column.isList else { return }
        if let fixed = column.fixedElementCount, count != fixed {
            throw rejectRow(
                .writer(.wrongFixedLength(column: column.field.name, row: rowCount, expected: fixed, got: count)))
        }
        if let maximum = column.maximumElementCount, count > maximum {
            throw rejectRow(
                .writer(
                    .valueOutOfRange(
                        column: column.field.name, row: rowCount, value: "\(count) elements",
                        allowed: "at most \(maximum) elements")))
        }
    }

    // MARK: Rows

    /// Appends a whole row of cells and ends it; `.list` cells are arrays.
    public func appendRow(_ cells: [Cell]) throws(VOParquetError) {
        for cell in cells { try append(cell) }
        try endRow()
    }

    /// Appends one cell, or one element of the open array.
    public func append(_ cell: Cell) throws(VOParquetError) {
        switch cell {
        case .null: try appendNull()
        case .bool(let value): try append(value)
        case .int(let value): try append(value)
        case .uint(let value): try append(value)
        case .float(let value): try append(value)
        case .double(let value): try append(value)
        case .string(let value): try append(value)
        case .list(let elements):
            try beginArray()
            for element in elements { try append(element) }
            try endArray()
        case .float16, .bytes, .uuid:
            // No VOTable datatype takes these: the core writer reports the mismatch.
            try checkOpen()
            do { try core.append(cell) } catch { throw failed(error) }
            advance()
        }
    }

    /// Completes the row. Throws `limitReached` (dropping the row) when the row
    /// would pass `maxRows` or `maxBytes`; after that only `finish` is useful.
    public func endRow() throws(VOParquetError) {
        try checkOpen()
        guard core.cursor == columns.count, openArrayCount < 0 else {
            // The core writer names the missing cell and rolls the row back.
            do { try core.endRow() } catch { throw failed(error) }
            preconditionFailure("the core writer ended a row with a missing cell")
        }
        if let maxRows = options.maxRows, rowCount >= maxRows {
            throw refuse(.maxRows(maxRows))
        }
        let rowBytes = bound.fixedRowBytes &+ rowVariableBytes
        if let maxBytes = options.maxBytes {
            let projected =
                counter.byteCount
                + bound.bufferedRows(bufferedRows + 1, plainBytes: bufferedBytes + rowBytes)
                + bound.footer(rowGroups: rowGroupsWritten + 1)
            if projected > maxBytes { throw refuse(.maxBytes(maxBytes)) }
        }
        let written = counter.byteCount
        do { try core.endRow() } catch { throw failed(error) }
        rowVariableBytes = 0
        if counter.byteCount != written {
            // The row closed a row group: its bytes are out and counted exactly.
            rowGroupsWritten += 1
            bufferedRows = 0
            bufferedBytes = 0
        } else {
            bufferedRows += 1
            bufferedBytes += rowBytes
        }
    }

    /// Drops the cells of the current row, if any.
    public func discardRow() {
        core.discardRow()
        resetRow()
    }

    // MARK: Finishing

    /// Writes the last row group and the footer, embedding the complete or (with
    /// `overflow`) the overflow form of the envelope, with `extraInfos` after the
    /// first TABLE. A partial row is dropped. The footer is not decoded back into a
    /// struct, so memory at the end stays that of the serialized footer.
    public func finish(overflow: Bool = false, extraInfos: [VOTableInfo] = []) throws(VOParquetError) {
        guard state != .finished else { throw .writer(.writerClosed) }
        for info in extraInfos where !info.isRepresentable {
            throw .invalidVOTable("INFO '\(info.name)' holds a character XML cannot carry")
        }
        let content = envelope.content(overflow: overflow, extraInfos: extraInfos)
        if options.maxBytes != nil, content.utf8.count > contentBudget {
            throw .metadataTooLarge(bytes: content.utf8.count, budget: contentBudget)
        }
        discardRow()
        state = .finished
        do {
            try core.setMetadata(Self.contentKey, content)
            try core.finish()
        } catch {
            throw .writer(error)
        }
    }

    /// Replaces the envelope with one of the same FIELDs, for a caller that knows
    /// the end of the document only after the rows (the converter of a VOTable
    /// stream). Under `maxBytes`, its document must fit the INFO reserve too.
    func replaceEnvelope(_ replacement: VOTableEnvelope) throws(VOParquetError) {
        guard replacement.fields == envelope.fields else {
            throw .invalidVOTable("the replacement envelope has other FIELDs")
        }
        envelope = replacement
    }

    // MARK: Shared steps

    @inlinable @inline(__always)
    func checkOpen() throws(VOParquetError) {
        switch state {
        case .open: return
        case .limited(let limit): throw .limitReached(limit)
        case .finished: throw .writer(.writerClosed)
        }
    }

    /// Counts an element of the open array, after the core writer took it. A whole cell
    /// moves the core writer's cursor, which this writer follows the row by.
    @inlinable @inline(__always)
    func advance() {
        if openArrayCount >= 0 {
            openArrayCount &+= 1
            rowVariableBytes &+= elementWidths[core.cursor]
        }
    }

    /// The core writer rolled the row back; forget it here too.
    @usableFromInline
    func failed(_ error: ParquetWriterError) -> VOParquetError {
        resetRow()
        return .writer(error)
    }

    private func rejectRow(_ error: VOParquetError) -> VOParquetError {
        discardRow()
        return error
    }

    private func refuse(_ limit: VOParquetLimit) -> VOParquetError {
        discardRow()
        state = .limited(limit)
        return .limitReached(limit)
    }

    private func resetRow() {
        openArrayCount = -1
        rowVariableBytes = 0
    }
}

extension VOParquetWriter where Sink == AsyncChunkSink {
    /// Completes the row like `endRow()`, then suspends while the consumer of the
    /// chunks is behind.
    public func endRowWaitingForDemand() async throws {
        try endRow()
        try await sink.waitForDemand()
    }
}
