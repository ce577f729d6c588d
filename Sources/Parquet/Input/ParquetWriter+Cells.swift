import Foundation

/// Typed cell appends: each puts one value into the next column of the current row.
/// None of them boxes the value or allocates per cell.
extension ParquetWriter {
    public func append(_ value: Bool) throws(ParquetWriterError) {
        let index = try nextCell()
        let slot = slots[index]
        guard slot.kind == .boolean else { throw mismatch(index, "Bool") }
        slot.with(ColumnWriter<BooleanColumnValues>.self) { writer in
            writer.values.append(value)
            finishCell(writer)
        }
    }

    public func append(_ value: Int8) throws(ParquetWriterError) { try appendInteger(Int128(value), "Int8") }
    public func append(_ value: Int16) throws(ParquetWriterError) { try appendInteger(Int128(value), "Int16") }
    public func append(_ value: Int32) throws(ParquetWriterError) { try appendInteger(Int128(value), "Int32") }
    public func append(_ value: Int64) throws(ParquetWriterError) { try appendInteger(Int128(value), "Int64") }
    public func append(_ value: Int) throws(ParquetWriterError) { try appendInteger(Int128(value), "Int") }
    public func append(_ value: UInt8) throws(ParquetWriterError) { try appendInteger(Int128(value), "UInt8") }
    public func append(_ value: UInt16) throws(ParquetWriterError) { try appendInteger(Int128(value), "UInt16") }
    public func append(_ value: UInt32) throws(ParquetWriterError) { try appendInteger(Int128(value), "UInt32") }
    public func append(_ value: UInt64) throws(ParquetWriterError) { try appendInteger(Int128(value), "UInt64") }

    public func append(_ value: Float) throws(ParquetWriterError) {
        let index = try nextCell()
        let slot = slots[index]
        guard slot.kind == .float else { throw mismatch(index, "Float") }
        slot.with(ColumnWriter<FixedWidthColumnValues<Float>>.self) { writer in
            writer.values.append(value)
            finishCell(writer)
        }
    }

    public func append(_ value: Double) throws(ParquetWriterError) {
        let index = try nextCell()
        let slot = slots[index]
        guard slot.kind == .double else { throw mismatch(index, "Double") }
        slot.with(ColumnWriter<FixedWidthColumnValues<Double>>.self) { writer in
            writer.values.append(value)
            finishCell(writer)
        }
    }

    /// A half-precision value, for FLOAT16 columns.
    public func append(_ value: Float16) throws(ParquetWriterError) {
        let index = try nextCell()
        let slot = slots[index]
        guard slot.kind == .float16 else { throw mismatch(index, "Float16") }
        slot.with(ColumnWriter<FixedWidthColumnValues<Float16Bits>>.self) { writer in
            writer.values.append(Float16Bits(bits: value.bitPattern))
            finishCell(writer)
        }
    }

    /// Text, for STRING, JSON, ENUM and BYTE_ARRAY columns.
    public func append(_ value: String) throws(ParquetWriterError) {
        let index = try nextCell()
        guard case .byteArray(let writer) = columns[index], writer.descriptor.physical == .byteArray else {
            throw mismatch(index, "String")
        }
        var text = value
        text.withUTF8 { writer.values.append(UnsafeRawBufferPointer($0)) }
        finishCell(writer)
    }

    /// Raw bytes, for BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY columns (a DECIMAL on
    /// FIXED_LEN_BYTE_ARRAY takes its big-endian two's complement bytes). Bytes for a
    /// STRING or JSON column must be valid UTF-8.
    public func append(bytes: UnsafeRawBufferPointer) throws(ParquetWriterError) {
        let index = try nextCell()
        guard case .byteArray(let writer) = columns[index] else { throw mismatch(index, "bytes") }
        let descriptor = writer.descriptor
        if descriptor.physical == .fixedLenByteArray, bytes.count != descriptor.typeLength {
            throw rejectRow(.wrongFixedLength(
                column: descriptor.name, row: rowCount, expected: descriptor.typeLength, got: bytes.count))
        }
        if descriptor.column.type == .string || descriptor.column.type == .json, !UTF8Validation.isValid(bytes) {
            throw rejectRow(.invalidUTF8(column: descriptor.name, row: rowCount))
        }
        writer.values.append(bytes)
        finishCell(writer)
    }

    public func append(bytes: [UInt8]) throws(ParquetWriterError) {
        // withUnsafeBytes only rethrows untyped errors, so the error is carried out by value.
        let failure = bytes.withUnsafeBytes { buffer -> ParquetWriterError? in
            do throws(ParquetWriterError) {
                try append(bytes: buffer)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// A UUID, for UUID columns, in RFC 4122 byte order.
    public func append(_ value: UUID) throws(ParquetWriterError) {
        let index = try nextCell()
        guard case .byteArray(let writer) = columns[index], writer.descriptor.column.type == .uuid else {
            throw mismatch(index, "UUID")
        }
        withUnsafeBytes(of: value.uuid) { writer.values.append($0) }
        finishCell(writer)
    }

    /// A null, for OPTIONAL columns.
    public func appendNull() throws(ParquetWriterError) {
        let index = try nextCell()
        let descriptor = columns[index].descriptor
        guard !descriptor.isRequired else {
            throw rejectRow(.nullInRequiredColumn(column: descriptor.name, row: rowCount))
        }
        switch columns[index] {
        case .boolean(let writer): appendNull(to: writer)
        case .int32(let writer): appendNull(to: writer)
        case .int64(let writer): appendNull(to: writer)
        case .float(let writer): appendNull(to: writer)
        case .double(let writer): appendNull(to: writer)
        case .float16(let writer): appendNull(to: writer)
        case .byteArray(let writer): appendNull(to: writer)
        }
    }

    // MARK: Shared steps

    /// Integers of any Swift width go to INT32/INT64-backed columns (integers,
    /// dates, times, timestamps, decimals) after a range check, and to a DECIMAL on
    /// FIXED_LEN_BYTE_ARRAY as the unscaled value.
    private func appendInteger(_ value: Int128, _ typeName: String) throws(ParquetWriterError) {
        let index = try nextCell()
        let slot = slots[index]
        switch slot.kind {
        case .int32:
            try checkRange(value, column: index)
            slot.with(ColumnWriter<FixedWidthColumnValues<Int32>>.self) { writer in
                writer.values.append(Int32(truncatingIfNeeded: value))
                finishCell(writer)
            }
            return
        case .int64:
            try checkRange(value, column: index)
            slot.with(ColumnWriter<FixedWidthColumnValues<Int64>>.self) { writer in
                writer.values.append(Int64(truncatingIfNeeded: value))
                finishCell(writer)
            }
            return
        default:
            break
        }
        switch columns[index] {
        case .byteArray(let writer) where writer.descriptor.physical == .fixedLenByteArray && writer.descriptor.integerRange != nil:
            try checkRange(value, column: index)
            var bigEndian = value.bigEndian
            withUnsafeBytes(of: &bigEndian) { bytes in
                writer.values.append(UnsafeRawBufferPointer(rebasing: bytes[(16 - writer.descriptor.typeLength)...]))
            }
            finishCell(writer)
        default:
            throw mismatch(index, typeName)
        }
    }

    @inline(__always)
    private func checkRange(_ value: Int128, column index: Int) throws(ParquetWriterError) {
        guard let range = integerRanges[index], !range.contains(value) else { return }
        let descriptor = schema.descriptors[index]
        throw rejectRow(.valueOutOfRange(
            column: descriptor.name, row: rowCount, value: "\(value)",
            allowed: "\(range.lowerBound)...\(range.upperBound)"))
    }

    /// The index of the column the next cell goes to.
    @inline(__always)
    private func nextCell() throws(ParquetWriterError) -> Int {
        guard isOpen else { throw .writerClosed }
        guard cursor < columns.count else {
            throw rejectRow(.extraCell(row: rowCount, columnCount: columns.count))
        }
        return cursor
    }

    private func mismatch(_ index: Int, _ typeName: String) -> ParquetWriterError {
        let descriptor = columns[index].descriptor
        return rejectRow(.typeMismatch(
            column: descriptor.name, row: rowCount, expected: "\(descriptor.column.type)", got: typeName))
    }

    @inline(__always)
    private func appendNull<Values>(to writer: ColumnWriter<Values>) {
        writer.appendNull()
        notePageLimits(writer)
        cursor &+= 1
    }

    /// Records the defined level of the value just stored and moves to the next column.
    @inline(__always)
    private func finishCell<Values>(_ writer: ColumnWriter<Values>) {
        writer.appendDefinedLevel()
        notePageLimits(writer)
        cursor &+= 1
    }

    @inline(__always)
    private func notePageLimits<Values>(_ writer: ColumnWriter<Values>) {
        if writer.rowsInPage >= pageRowLimit || writer.bufferedByteCount >= pageByteLimit {
            fullPages.append(cursor)
        }
    }
}
