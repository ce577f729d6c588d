import Foundation

/// Typed cell appends: each puts one value into the next column of the current row.
/// None of them boxes the value or allocates per cell.
extension ParquetWriter {
    /// Appends a BOOLEAN cell.
    @inlinable
    public func append(_ value: Bool) throws(ParquetWriterError) {
        if !stageCell(value, kind: .boolean, wholeRangeOnly: false) { try appendAnyCell(value) }
    }

    /// Appends the cell wherever it goes, checking it fully: the path of every cell
    /// `stageCell` does not store (a list element, a range-checked integer, a cell in
    /// the wrong place or of the wrong type, a closed writer).
    @usableFromInline
    func appendAnyCell(_ value: Bool) throws(ParquetWriterError) {
        let index = try nextValueCell("Bool")
        let slot = slot(index)
        guard slot.kind == .boolean else { throw mismatch(index, "Bool") }
        if slot.isStaged {
            stagedRowCells.storeBytes(of: value, toByteOffset: slot.stagedCellOffset, as: Bool.self)
            cursor &+= 1
            return
        }
        slot.with(ColumnWriter<BooleanPageValues>.self) { writer in
            writer.values.append(value)
            appendListElementSlot(writer)
        }
    }

    /// Appends an integer cell, range-checked against the column's type.
    public func append(_ value: Int8) throws(ParquetWriterError) { try appendInteger(Int128(value), "Int8") }
    /// Appends an integer cell, range-checked against the column's type.
    public func append(_ value: Int16) throws(ParquetWriterError) { try appendInteger(Int128(value), "Int16") }
    /// Appends an integer cell, range-checked against the column's type.
    @inlinable
    public func append(_ value: Int32) throws(ParquetWriterError) {
        if !stageCell(value, kind: .int32, wholeRangeOnly: true) { try appendAnyCell(value) }
    }

    @usableFromInline
    func appendAnyCell(_ value: Int32) throws(ParquetWriterError) {
        let index = try nextValueCell("Int32")
        let slot = slot(index)
        guard slot.kind == .int32, slot.takesWholePhysicalRange else {
            return try appendInteger(Int128(value), "Int32")
        }
        appendFixedWidth(value, to: slot)
    }

    /// Appends an integer cell, range-checked against the column's type.
    @inlinable
    public func append(_ value: Int64) throws(ParquetWriterError) {
        if !stageCell(value, kind: .int64, wholeRangeOnly: true) { try appendAnyCell(value) }
    }

    @usableFromInline
    func appendAnyCell(_ value: Int64) throws(ParquetWriterError) {
        let index = try nextValueCell("Int64")
        let slot = slot(index)
        guard slot.kind == .int64, slot.takesWholePhysicalRange else {
            return try appendInteger(Int128(value), "Int64")
        }
        appendFixedWidth(value, to: slot)
    }

    /// Appends an integer cell, range-checked against the column's type.
    public func append(_ value: Int) throws(ParquetWriterError) { try appendInteger(Int128(value), "Int") }
    /// Appends an integer cell, range-checked against the column's type.
    public func append(_ value: UInt8) throws(ParquetWriterError) { try appendInteger(Int128(value), "UInt8") }
    /// Appends an integer cell, range-checked against the column's type.
    public func append(_ value: UInt16) throws(ParquetWriterError) { try appendInteger(Int128(value), "UInt16") }
    /// Appends an integer cell, range-checked against the column's type.
    public func append(_ value: UInt32) throws(ParquetWriterError) { try appendInteger(Int128(value), "UInt32") }
    /// Appends an integer cell, range-checked against the column's type.
    public func append(_ value: UInt64) throws(ParquetWriterError) { try appendInteger(Int128(value), "UInt64") }

    /// Appends a cell to a FLOAT column.
    @inlinable
    public func append(_ value: Float) throws(ParquetWriterError) {
        if !stageCell(value, kind: .float, wholeRangeOnly: false) { try appendAnyCell(value) }
    }

    @usableFromInline
    func appendAnyCell(_ value: Float) throws(ParquetWriterError) {
        let index = try nextValueCell("Float")
        let slot = slot(index)
        guard slot.kind == .float else { throw mismatch(index, "Float") }
        appendFixedWidth(value, to: slot)
    }

    /// Appends a cell to a DOUBLE column.
    @inlinable
    public func append(_ value: Double) throws(ParquetWriterError) {
        if !stageCell(value, kind: .double, wholeRangeOnly: false) { try appendAnyCell(value) }
    }

    @usableFromInline
    func appendAnyCell(_ value: Double) throws(ParquetWriterError) {
        let index = try nextValueCell("Double")
        let slot = slot(index)
        guard slot.kind == .double else { throw mismatch(index, "Double") }
        appendFixedWidth(value, to: slot)
    }

    /// A half-precision value, for FLOAT16 columns.
    public func append(_ value: Float16) throws(ParquetWriterError) {
        let index = try nextValueCell("Float16")
        let slot = slot(index)
        guard slot.kind == .float16 else { throw mismatch(index, "Float16") }
        appendFixedWidth(Float16Bits(bits: value.bitPattern), to: slot)
    }

    /// Text, for STRING, JSON, ENUM and BYTE_ARRAY columns.
    public func append(_ value: String) throws(ParquetWriterError) {
        let index = try nextValueCell("String")
        guard case .byteArray(let writer) = columns[index], writer.descriptor.physical == .byteArray else {
            throw mismatch(index, "String")
        }
        var text = value
        text.withUTF8 { appendByteArray(UnsafeRawBufferPointer($0), to: writer, column: index) }
    }

    /// Raw bytes, for BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY columns (a DECIMAL on
    /// FIXED_LEN_BYTE_ARRAY takes its big-endian two's complement bytes). Bytes for a
    /// STRING or JSON column must be valid UTF-8.
    public func append(bytes: UnsafeRawBufferPointer) throws(ParquetWriterError) {
        let index = try nextValueCell("bytes")
        guard case .byteArray(let writer) = columns[index] else { throw mismatch(index, "bytes") }
        let descriptor = writer.descriptor
        if descriptor.physical == .fixedLenByteArray, bytes.count != descriptor.typeLength {
            throw rejectRow(
                .wrongFixedLength(
                    column: descriptor.name, row: rowCount, expected: descriptor.typeLength, got: bytes.count))
        }
        if descriptor.leafType == .string || descriptor.leafType == .json, !UTF8Validation.isValid(bytes) {
            throw rejectRow(.invalidUTF8(column: descriptor.name, row: rowCount))
        }
        appendByteArray(bytes, to: writer, column: index)
    }

    /// Appends a byte-string cell to a BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY column.
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
        let index = try nextValueCell("UUID")
        guard case .byteArray(let writer) = columns[index], writer.descriptor.leafType == .uuid else {
            throw mismatch(index, "UUID")
        }
        withUnsafeBytes(of: value.uuid) { appendByteArray($0, to: writer, column: index) }
    }

    /// A null: a null cell of an OPTIONAL column or, inside a list, a null element.
    public func appendNull() throws(ParquetWriterError) {
        let index = try nextCell()
        guard openListDepth == 0 else {
            let descriptor = columns[index].descriptor
            guard let level = descriptor.listLevels[openListDepth - 1].nullElementLevel else {
                throw rejectRow(.nullListElement(column: descriptor.name, row: rowCount))
            }
            columns[index].appendListEmptySlot(repetitionLevel: nextRepetitionLevel, definitionLevel: level)
            nextRepetitionLevel = UInt8(openListDepth)
            return
        }
        let slot = slot(index)
        guard slot.isNullable else {
            throw rejectRow(.nullInRequiredColumn(column: columns[index].descriptor.name, row: rowCount))
        }
        if slot.isStaged {
            stage.setNull(column: index, row: stagedRows)
        } else {
            let column = columns[index]
            column.appendNullList()
            notePageLimits(of: column)
        }
        cursor &+= 1
    }

    // MARK: Shared steps

    /// Stores `value` as the current row's next cell when that is a staged flat column
    /// of `kind` (with `wholeRangeOnly`, one that takes every value of its physical
    /// integer type) in an open writer, and returns whether it did. It is inlined into
    /// the caller, so that a cell costs a comparison, a type check, a store and a count;
    /// in every other case nothing is stored, and `appendAnyCell` checks the cell again
    /// the long way, reporting what is wrong with it.
    @inlinable @inline(__always)
    func stageCell<Value: BitwiseCopyable>(_ value: Value, kind: PhysicalSlotKind, wholeRangeOnly: Bool) -> Bool {
        let index = cursor
        // A staged column is flat, so no list can be open when the cursor is at one.
        guard index < cellLimit else { return false }
        let slot = slot(index)
        guard slot.kind == kind, slot.isStaged, !wholeRangeOnly || slot.takesWholePhysicalRange else { return false }
        stagedRowCells.storeBytes(of: value, toByteOffset: slot.stagedCellOffset, as: Value.self)
        cursor = index &+ 1
        return true
    }

    /// Integers of any Swift width go to INT32/INT64-backed columns (integers,
    /// dates, times, timestamps, decimals) after a range check, and to a DECIMAL on
    /// FIXED_LEN_BYTE_ARRAY as the unscaled value.
    private func appendInteger(_ value: Int128, _ typeName: String) throws(ParquetWriterError) {
        let index = try nextValueCell(typeName)
        let slot = slot(index)
        switch slot.kind {
        case .int32:
            try checkRange(value, column: index)
            return appendFixedWidth(Int32(truncatingIfNeeded: value), to: slot)
        case .int64:
            try checkRange(value, column: index)
            return appendFixedWidth(Int64(truncatingIfNeeded: value), to: slot)
        default:
            break
        }
        switch columns[index] {
        case .byteArray(let writer)
        where writer.descriptor.physical == .fixedLenByteArray && writer.descriptor.integerRange != nil:
            try checkRange(value, column: index)
            let length = writer.descriptor.typeLength
            if slot.isStaged {
                stage.storeBigEndianBytes(value, length: length, column: index, row: stagedRows)
                cursor &+= 1
            } else {
                writer.values.append(bigEndianBytes: value, length: length)
                appendListElementSlot(writer)
            }
        default:
            throw mismatch(index, typeName)
        }
    }

    @inline(__always)
    private func checkRange(_ value: Int128, column index: Int) throws(ParquetWriterError) {
        guard let range = integerRanges[index], !range.contains(value) else { return }
        let descriptor = schema.descriptors[index]
        throw rejectRow(
            .valueOutOfRange(
                column: descriptor.name, row: rowCount, value: "\(value)",
                allowed: "\(range.lowerBound)...\(range.upperBound)"))
    }

    /// The index of the column the next cell goes to.
    @inline(__always)
    func nextCell() throws(ParquetWriterError) -> Int {
        guard cursor < cellLimit else { throw refusedCell() }
        return cursor
    }

    /// Why `nextCell()` refuses a cell: the writer is closed, or the row is full.
    @inline(never)
    private func refusedCell() -> ParquetWriterError {
        guard isOpen else { return .writerClosed }
        return rejectRow(.extraCell(row: rowCount, columnCount: columns.count))
    }

    /// The index of the column the next value goes to, which must be at the
    /// innermost level: a flat column, or a list whose element lists are all open.
    @inline(__always)
    private func nextValueCell(_ typeName: String) throws(ParquetWriterError) -> Int {
        let index = try nextCell()
        guard slot(index).listDepth == openListDepth else { throw mismatch(index, typeName) }
        return index
    }

    /// Column `index`'s slot, read without a bounds check: the caller has checked that
    /// the index is below `cellLimit`, which is at most the slot count.
    @inlinable @inline(__always)
    func slot(_ index: Int) -> CellSlot {
        slots.withUnsafeBufferPointer { $0[index] }
    }

    @inline(never)
    func mismatch(_ index: Int, _ typeName: String) -> ParquetWriterError {
        let descriptor = columns[index].descriptor
        // A list column expects a list, then lists or values inside it, down to its leaf.
        let remainingLists = descriptor.maxRepetitionLevel - openListDepth
        let expected =
            String(repeating: "list of ", count: remainingLists) + "\(descriptor.leafType)"
            + (openListDepth > 0 && remainingLists == 0 ? " list element" : "")
        return rejectRow(.typeMismatch(column: descriptor.name, row: rowCount, expected: expected, got: typeName))
    }

    /// Stores a fixed-width value: a flat column's cell in the stage, after which the
    /// next column comes, or an element of the open list.
    @inline(__always)
    private func appendFixedWidth<Value: FixedWidthValue>(_ value: Value, to slot: CellSlot) {
        if slot.isStaged {
            stagedRowCells.storeBytes(of: value, toByteOffset: slot.stagedCellOffset, as: Value.self)
            cursor &+= 1
            return
        }
        slot.with(ColumnWriter<FixedWidthPageValues<Value>>.self) { writer in
            writer.values.append(value)
            appendListElementSlot(writer)
        }
    }

    /// Stores a byte string, checked for its column, as `appendFixedWidth` stores a value.
    @inline(__always)
    private func appendByteArray(
        _ bytes: UnsafeRawBufferPointer, to writer: ColumnWriter<ByteArrayPageValues>, column index: Int
    ) {
        if slots[index].isStaged {
            stage.storeBytes(bytes, column: index, row: stagedRows)
            cursor &+= 1
        } else {
            writer.values.append(bytes)
            appendListElementSlot(writer)
        }
    }

    /// Records the slot of the list element whose value was just stored.
    @inline(__always)
    private func appendListElementSlot<Values>(_ writer: ColumnWriter<Values>) {
        writer.appendListValueSlot(repetitionLevel: nextRepetitionLevel)
        nextRepetitionLevel = UInt8(truncatingIfNeeded: openListDepth)
    }

    /// Notes a LIST column whose open page reached a limit with the cell just completed.
    func notePageLimits(of column: AnyColumnWriter) {
        if column.rowsInPage >= pageRowLimit || column.pageIsFull {
            fullPages.append(cursor)
        }
    }
}
