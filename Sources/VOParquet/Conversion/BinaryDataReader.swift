import Parquet

/// Reads the rows of a BINARY or BINARY2 base64 STREAM into a writer.
///
/// Values are big-endian. Variable-size cells start with a 4-byte count; bit
/// arrays are packed from the most significant bit; unicodeChar is UTF-16. In
/// BINARY2 each row starts with one null flag per FIELD. In both, an integer (or
/// element) equal to the FIELD's VALUES null and a boolean `?`, space or NUL are
/// null. In BINARY, which has no flags, empty text and an empty variable-size array
/// are null too: that is how a null of those types is written, and an empty TD is
/// null in TABLEDATA.
final class BinaryDataReader<Sink: ByteSink> {
    private let stream: BinaryStreamReader
    private let parser: XMLPullParser
    private let writer: VOParquetWriter<Sink>
    private let formats: [CellFormat]
    private let names: [String]
    private let textNulls: [[UInt8]?]
    private let hasNullFlags: Bool
    private var flags: [UInt8]
    /// Per column, how its cells go straight into the writer's row stage, when they can.
    private let directCells: [DirectCell?]
    /// Per column, the end of the run of columns from it whose cells all go straight into
    /// the stage (the column itself when its cell does not), and the run's stream bytes:
    /// a run is checked for bytes once, not cell by cell.
    private let directRunEnds: [Int]
    private let directRunWidths: [Int]
    private var scratch = ElementScratch()
    private var text: [UInt8] = []
    private let progress: (Int) -> Void

    /// The parser must be on the STREAM start tag.
    init(
        parser: XMLPullParser, writer: VOParquetWriter<Sink>, formats: [CellFormat], hasNullFlags: Bool,
        progress: @escaping (Int) -> Void
    ) {
        self.parser = parser
        self.stream = BinaryStreamReader(parser: parser)
        self.writer = writer
        self.formats = formats
        self.names = CellFormat.names(writer.columns)
        self.textNulls = CellFormat.textNulls(writer.columns)
        self.hasNullFlags = hasNullFlags
        self.flags = Array(repeating: 0, count: (formats.count + 7) / 8)
        self.progress = progress
        let directCells = formats.map { format in
            DirectCell.type(of: format).flatMap { type in
                writer.core.directCellOffset(ofColumn: format.column, for: type).map { DirectCell(format, type, $0) }
            }
        }
        var runEnds = Array(formats.indices)
        var runWidths = Array(repeating: 0, count: formats.count)
        for index in formats.indices.reversed() {
            guard let cell = directCells[index] else { continue }
            let next = index + 1
            runEnds[index] = next < formats.count && directCells[next] != nil ? runEnds[next] : next
            runWidths[index] = cell.width + (next < formats.count ? runWidths[next] : 0)
        }
        self.directCells = directCells
        directRunEnds = runEnds
        directRunWidths = runWidths
    }

    /// Reads rows through the STREAM end tag, or until the writer refuses a row for
    /// a limit (returned; the parser is then inside STREAM).
    func read() throws(ConversionError) -> VOParquetLimit? {
        let core = writer.core
        while try !stream.isAtEnd() {
            let rowOffset = stream.offset
            // Cells go straight into the stage only while the writer takes rows.
            do { try writer.checkOpen() } catch {
                if case .limitReached(let limit) = error { return limit }
                throw ConversionError(error)
            }
            if hasNullFlags {
                try need(flags.count, column: nil, rowOffset: rowOffset)
                for index in flags.indices { flags[index] = stream.pointer[index] }
                stream.skip(flags.count)
            }
            let rowCells = core.directRowCells
            var index = 0
            while index < formats.count {
                let runEnd = directRunEnds[index]
                if runEnd > index, try stream.require(directRunWidths[index]) {
                    try readDirectRun(index..<runEnd, rowCells: rowCells, core: core)
                    index = runEnd
                    continue
                }
                // A column read cell by cell, or a run the STREAM ends inside, whose cells
                // then say which one it ends in.
                defer { index += 1 }
                let isNull = isNullFlagged(index)
                do {
                    if let cell = directCells[index] {
                        try readDirectCell(
                            cell, column: index, rowCells: rowCells, isNull: isNull, rowOffset: rowOffset, core: core)
                    } else {
                        core.advanceCursor(to: index)
                        try readCell(formats[index], isNull: isNull, rowOffset: rowOffset)
                    }
                } catch {
                    // The cells stored straight into the stage count as appended, so that
                    // rolling the row back clears them.
                    if directCells[index] != nil { core.advanceCursor(to: index) }
                    switch error {
                    case .value(let message):
                        throw ConversionError(row: writer.rowCount, column: names[index], message)
                    case .writer(let error):
                        throw ConversionError(error)
                    case .stream(let error):
                        throw error
                    }
                }
            }
            core.advanceCursor(to: formats.count)
            do {
                try writer.endRow()
            } catch {
                if case .limitReached(let limit) = error { return limit }
                throw ConversionError(error)
            }
            if writer.rowCount & 4095 == 0 { progress(writer.rowCount) }
        }
        return nil
    }

    /// The most values one variable-size cell may claim.
    static var maximumCellCount: Int { 1 << 27 }

    /// Makes `count` bytes readable, or throws naming column number `column` (nil: the null flags).
    @inline(__always)
    private func need(_ count: Int, column: Int?, rowOffset: Int) throws(ConversionError) {
        guard try stream.require(count) else {
            throw ConversionError(
                line: parser.line, row: writer.rowCount, column: column.map { names[$0] },
                "the STREAM ends inside the row that starts at decoded byte \(rowOffset) (truncated data?)")
        }
    }

    @inline(__always)
    private func require(_ count: Int, _ format: CellFormat, _ rowOffset: Int) throws(CellDecodingFailure) {
        do { try need(count, column: format.column, rowOffset: rowOffset) } catch { throw .stream(error) }
    }

    private func readCell(_ format: CellFormat, isNull: Bool, rowOffset: Int) throws(CellDecodingFailure) {
        // How many values the cell holds.
        var count: Int
        if let fixed = format.fixedCount {
            count = fixed
        } else {
            try require(4, format, rowOffset)
            count = Int(UInt32(bigEndian: UnsafeRawPointer(stream.pointer).loadUnaligned(as: UInt32.self)))
            stream.skip(4)
            // A corrupt count must not make the reader buffer gigabytes.
            guard count <= Self.maximumCellCount else { throw .value("the cell claims \(count) values") }
        }
        // Without null flags (BINARY), an empty variable-size cell is how a null is written,
        // as an empty TD is in TABLEDATA; in BINARY2 the flags say which cells are null.
        let isNull = isNull || (!hasNullFlags && format.fixedCount == nil && count == 0)
        switch format.primitive {
        case .char, .unicodeChar:
            try readText(format, count: count, isNull: isNull, rowOffset: rowOffset)
            return
        case .bit:
            let bytes = (count + 7) / 8
            try require(bytes, format, rowOffset)
            if isNull {
                stream.skip(bytes)
                do { try writer.appendNull() } catch { throw .writer(error) }
            } else if format.isList {
                scratch.reset()
                let packed = UnsafeBufferPointer(start: stream.pointer, count: bytes)
                for bit in 0..<count { scratch.booleans.append(Self.isBitSet(bit, in: packed)) }
                stream.skip(bytes)
                do { try scratch.appendArray(.bit, to: writer) } catch { throw .writer(error) }
            } else {
                // Any set bit: the standard's most significant bit, or astropy's 0x08.
                let value = stream.pointer[0] != 0
                stream.skip(bytes)
                do { try writer.append(value) } catch { throw .writer(error) }
            }
            return
        default:
            break
        }
        let elements = count * format.elementsPerValue
        let byteCount = elements * format.elementWidth
        try require(byteCount, format, rowOffset)
        if isNull {
            stream.skip(byteCount)
            do { try writer.appendNull() } catch { throw .writer(error) }
            return
        }
        if !format.isList {
            try readScalar(format)
            return
        }
        scratch.reset()
        for element in 0..<elements { try readElement(format, index: element + 1) }
        do { try scratch.appendArray(format.primitive, to: writer) } catch { throw .writer(error) }
    }

    /// Whether the current row's BINARY2 null flag for `column` is set.
    @inline(__always)
    private func isNullFlagged(_ column: Int) -> Bool {
        hasNullFlags && Self.isBitSet(column, in: flags)
    }

    /// Whether bit `index` of `bytes` (indexed from 0) is set, counting from each byte's
    /// most significant bit, as BINARY2 null flags and bit arrays are packed.
    @inline(__always)
    private static func isBitSet<Bytes: RandomAccessCollection<UInt8>>(_ index: Int, in bytes: Bytes) -> Bool
    where Bytes.Index == Int {
        bytes[index >> 3] & (0x80 >> UInt8(index & 7)) != 0
    }

    /// The cells of a run of columns that all go straight into the stage, whose bytes
    /// are all readable: one pointer moves through them, with no check per cell.
    private func readDirectRun(
        _ columns: Range<Int>, rowCells: UnsafeMutableRawPointer, core: ParquetWriter<CountingSink<Sink>>
    )
        throws(ConversionError)
    {
        let start = UnsafeRawPointer(stream.pointer)
        // Through buffer pointers: the loop then keeps the arrays in registers rather than
        // loading them from the reader for every cell.
        let end = try flags.withUnsafeBufferPointer { (flagBytes) throws(ConversionError) in
            try directCells.withUnsafeBufferPointer { (cells) throws(ConversionError) in
                var pointer = start
                for column in columns {
                    let cell = cells[column].unsafelyUnwrapped
                    let isNull = hasNullFlags && Self.isBitSet(column, in: flagBytes)
                    do throws(CellDecodingFailure) {
                        try storeDirect(
                            cell, from: pointer, column: column, rowCells: rowCells, isNull: isNull, core: core)
                    } catch {
                        // As for a cell read alone: the run's cells so far count as appended,
                        // so that rolling the row back clears them.
                        core.advanceCursor(to: column)
                        guard case .value(let message) = error else {
                            preconditionFailure("a stored cell only fails on its value")
                        }
                        throw ConversionError(row: writer.rowCount, column: names[column], message)
                    }
                    pointer += cell.width
                }
                return pointer
            }
        }
        stream.skip(end - start)
    }

    /// One cell of a column whose cells go straight into the stage, in the row at `rowCells`.
    /// `core` is the caller's `writer.core`, passed in so that a null cell retains nothing.
    @inline(__always)
    private func readDirectCell(
        _ cell: DirectCell, column: Int, rowCells: UnsafeMutableRawPointer, isNull: Bool, rowOffset: Int,
        core: ParquetWriter<CountingSink<Sink>>
    ) throws(CellDecodingFailure) {
        let width = cell.width
        do { try need(width, column: column, rowOffset: rowOffset) } catch { throw .stream(error) }
        let pointer = UnsafeRawPointer(stream.pointer)
        stream.skip(width)
        try storeDirect(cell, from: pointer, column: column, rowCells: rowCells, isNull: isNull, core: core)
    }

    /// Stores the cell whose bytes start at `pointer` into its place in the staged row at `rowCells`.
    @inline(__always)
    private func storeDirect(
        _ cell: DirectCell, from pointer: UnsafeRawPointer, column: Int, rowCells: UnsafeMutableRawPointer,
        isNull: Bool,
        core: ParquetWriter<CountingSink<Sink>>
    ) throws(CellDecodingFailure) {
        guard !isNull else { return core.storeDirectNull(column: column) }
        switch cell.type {
        case .double:
            let value = Double(bitPattern: UInt64(bigEndian: pointer.loadUnaligned(as: UInt64.self)))
            if value == cell.floatNull { return core.storeDirectNull(column: column) }
            rowCells.storeBytes(of: value, toByteOffset: cell.cellOffset, as: Double.self)
        case .float:
            let value = Float(bitPattern: UInt32(bigEndian: pointer.loadUnaligned(as: UInt32.self)))
            if Double(value) == cell.floatNull { return core.storeDirectNull(column: column) }
            rowCells.storeBytes(of: value, toByteOffset: cell.cellOffset, as: Float.self)
        case .boolean:
            let byte = pointer.load(as: UInt8.self)
            guard let value = Self.boolean(byte) else { throw .value("byte \(byte) is not a boolean") }
            guard let value else { return core.storeDirectNull(column: column) }
            rowCells.storeBytes(of: value, toByteOffset: cell.cellOffset, as: Bool.self)
        case .int64:
            let value = Int64(bigEndian: pointer.loadUnaligned(as: Int64.self))
            if value == cell.integerNull { return core.storeDirectNull(column: column) }
            rowCells.storeBytes(of: value, toByteOffset: cell.cellOffset, as: Int64.self)
        case .uint8, .int16, .int32:
            let value: Int32 =
                switch cell.type {
                case .uint8: Int32(pointer.load(as: UInt8.self))
                case .int16: Int32(Int16(bigEndian: pointer.loadUnaligned(as: Int16.self)))
                default: Int32(bigEndian: pointer.loadUnaligned(as: Int32.self))
                }
            if Int64(value) == cell.integerNull { return core.storeDirectNull(column: column) }
            rowCells.storeBytes(of: value, toByteOffset: cell.cellOffset, as: Int32.self)
        }
    }

    /// One value of a scalar numeric or boolean column; its bytes are available.
    @inline(__always)
    private func readScalar(_ format: CellFormat) throws(CellDecodingFailure) {
        let pointer = UnsafeRawPointer(stream.pointer)
        switch format.primitive {
        case .double:
            let value = Double(bitPattern: UInt64(bigEndian: pointer.loadUnaligned(as: UInt64.self)))
            stream.skip(8)
            do {
                if value == format.floatNull { try writer.appendNull() } else { try writer.append(value) }
            } catch {
                throw .writer(error)
            }
        case .float:
            let value = Float(bitPattern: UInt32(bigEndian: pointer.loadUnaligned(as: UInt32.self)))
            stream.skip(4)
            do {
                if Double(value) == format.floatNull { try writer.appendNull() } else { try writer.append(value) }
            } catch {
                throw .writer(error)
            }
        case .boolean:
            let byte = pointer.load(as: UInt8.self)
            stream.skip(1)
            guard let value = Self.boolean(byte) else { throw .value("byte \(byte) is not a boolean") }
            do {
                if let value { try writer.append(value) } else { try writer.appendNull() }
            } catch {
                throw .writer(error)
            }
        default:
            let value = readInteger(format, pointer)
            do {
                if value == format.integerNull { try writer.appendNull() } else { try writer.append(value) }
            } catch {
                throw .writer(error)
            }
        }
    }

    @inline(__always)
    private func readInteger(_ format: CellFormat, _ pointer: UnsafeRawPointer) -> Int64 {
        switch format.primitive {
        case .unsignedByte:
            stream.skip(1)
            return Int64(pointer.load(as: UInt8.self))
        case .short:
            stream.skip(2)
            return Int64(Int16(bigEndian: pointer.loadUnaligned(as: Int16.self)))
        case .int:
            stream.skip(4)
            return Int64(Int32(bigEndian: pointer.loadUnaligned(as: Int32.self)))
        default:
            stream.skip(8)
            return Int64(bigEndian: pointer.loadUnaligned(as: Int64.self))
        }
    }

    /// One element of an array cell into the scratch buffers; its bytes are available.
    private func readElement(_ format: CellFormat, index: Int) throws(CellDecodingFailure) {
        let pointer = UnsafeRawPointer(stream.pointer)
        var isNull = false
        switch format.primitive {
        case .double:
            let value = Double(bitPattern: UInt64(bigEndian: pointer.loadUnaligned(as: UInt64.self)))
            stream.skip(8)
            scratch.doubles.append(value)
            isNull = value == format.floatNull
        case .float:
            let value = Float(bitPattern: UInt32(bigEndian: pointer.loadUnaligned(as: UInt32.self)))
            stream.skip(4)
            scratch.floats.append(value)
            isNull = Double(value) == format.floatNull
        case .boolean:
            let byte = pointer.load(as: UInt8.self)
            stream.skip(1)
            guard let value = Self.boolean(byte) else { throw .value("byte \(byte) is not a boolean") }
            scratch.booleans.append(value ?? false)
            isNull = value == nil
        default:
            let value = readInteger(format, pointer)
            scratch.integers.append(value)
            isNull = value == format.integerNull
        }
        scratch.noteElement(isNull: isNull, count: index)
    }

    /// A char cell (bytes, which must be UTF-8) or unicodeChar cell (UTF-16 units);
    /// a fixed-size cell ends at its first NUL.
    private func readText(_ format: CellFormat, count: Int, isNull: Bool, rowOffset: Int) throws(CellDecodingFailure) {
        let isWide = format.primitive == .unicodeChar
        let byteCount = isWide ? 2 * count : count
        try require(byteCount, format, rowOffset)
        defer { stream.skip(byteCount) }
        if isNull {
            do { try writer.appendNull() } catch { throw .writer(error) }
            return
        }
        let raw = UnsafeRawBufferPointer(start: stream.pointer, count: byteCount)
        let isFixed = format.fixedCount != nil
        guard isWide else {
            let length = isFixed ? (raw.firstIndex(of: 0) ?? raw.count) : raw.count
            return try appendText(UnsafeRawBufferPointer(rebasing: raw[..<length]), format)
        }
        guard Self.utf16ToUTF8(raw, stopAtNUL: isFixed, into: &text) else {
            throw .value("the unicodeChar value is not valid UTF-16")
        }
        // withUnsafeBufferPointer keeps the error's type, which withUnsafeBytes does not.
        try text.withUnsafeBufferPointer { (bytes) throws(CellDecodingFailure) in
            try appendText(UnsafeRawBufferPointer(bytes), format)
        }
    }

    private func appendText(_ bytes: UnsafeRawBufferPointer, _ format: CellFormat) throws(CellDecodingFailure) {
        // Empty text is null in BINARY, as above (this covers fixed-size text of NULs too).
        let isNull =
            (!hasNullFlags && bytes.isEmpty) || (textNulls[format.column].map { bytes.elementsEqual($0) } ?? false)
        do {
            if isNull { try writer.appendNull() } else { try writer.append(utf8: bytes) }
        } catch {
            throw .writer(error)
        }
    }

    /// Decodes big-endian UTF-16 to UTF-8; false at an unpaired surrogate.
    static func utf16ToUTF8(_ raw: UnsafeRawBufferPointer, stopAtNUL: Bool, into output: inout [UInt8]) -> Bool {
        output.removeAll(keepingCapacity: true)
        var index = 0
        let units = raw.count / 2
        while index < units {
            let unit = UInt16(raw[2 * index]) << 8 | UInt16(raw[2 * index + 1])
            index += 1
            if unit == 0, stopAtNUL { break }
            var scalarValue = UInt32(unit)
            if unit >= 0xD800, unit < 0xDC00 {
                guard index < units else { return false }
                let low = UInt16(raw[2 * index]) << 8 | UInt16(raw[2 * index + 1])
                guard low >= 0xDC00, low < 0xE000 else { return false }
                index += 1
                scalarValue = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00)
            } else if unit >= 0xDC00, unit < 0xE000 {
                return false
            }
            output.append(contentsOf: UTF8.encode(Unicode.Scalar(scalarValue)!)!)
        }
        return true
    }

    /// A BINARY boolean byte: T/t/1 true, F/f/0 false, `?`/space/NUL null; nil otherwise.
    @inline(__always)
    static func boolean(_ byte: UInt8) -> Bool?? {
        switch byte {
        case UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: "1"): .some(true)
        case UInt8(ascii: "F"), UInt8(ascii: "f"), UInt8(ascii: "0"): .some(false)
        case UInt8(ascii: "?"), UInt8(ascii: " "), 0: .some(nil)
        default: nil
        }
    }
}
