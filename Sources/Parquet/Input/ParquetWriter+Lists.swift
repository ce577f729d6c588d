/// List cells. A list column's cell is built between `beginList()` and
/// `endList()`: each `append` or `appendNull()` in between adds one element, and
/// for a list of lists each element is itself a `beginList()`…`endList()`.
/// `appendNull()` outside any list is a null list; `beginList()` straight
/// followed by `endList()` is an empty one.
extension ParquetWriter {
    /// Opens a list: the next column's cell or, inside a list of lists, the next element.
    public func beginList() throws(ParquetWriterError) {
        let index = try nextCell()
        guard openListDepth < slots[index].listDepth else { throw mismatch(index, "list") }
        openList(inColumn: index)
    }

    /// Opens one more list level of column `index`'s cell, already checked to nest there.
    private func openList(inColumn index: Int) {
        let column = columns[index]
        if openListDepth == 0 {
            column.markRowStart()
            nextRepetitionLevel = 0
        }
        openListStarts.append(column.levelCount)
        openListDepth += 1
    }

    /// Closes the innermost open list. Closing the outermost one completes the cell.
    public func endList() throws(ParquetWriterError) {
        guard isOpen else { throw .writerClosed }
        guard openListDepth > 0 else { throw rejectRow(.noOpenList(row: rowCount)) }
        let column = columns[cursor]
        if column.levelCount == openListStarts.removeLast() {
            let level = column.descriptor.listLevels[openListDepth - 1].emptyListLevel
            column.appendListEmptySlot(repetitionLevel: nextRepetitionLevel, definitionLevel: level)
        }
        openListDepth -= 1
        nextRepetitionLevel = UInt8(openListDepth)
        guard openListDepth == 0 else { return }
        column.finishListCell()
        notePageLimits(of: column)
        cursor &+= 1
    }

    /// Appends a whole list of non-null elements in one call: the same as
    /// `beginList()`, one `append` per element and `endList()`, with bulk copies.
    public func appendList<Element: ListElement>(_ elements: UnsafeBufferPointer<Element>) throws(ParquetWriterError) {
        try Element.appendList(elements, to: self)
    }

    /// Appends a whole list of non-null elements; see `appendList(_:)` for buffers.
    public func appendList<Element: ListElement>(_ elements: [Element]) throws(ParquetWriterError) {
        // withUnsafeBufferPointer only rethrows untyped errors, so the error is carried out by value.
        let failure = elements.withUnsafeBufferPointer { buffer -> ParquetWriterError? in
            do throws(ParquetWriterError) {
                try Element.appendList(buffer, to: self)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Stores `elements` as the open innermost list's elements, already checked.
    func appendCheckedListValues<Values>(
        to writer: ColumnWriter<Values>, count: Int, store: (inout Values) -> Void
    ) {
        store(&writer.values)
        writer.appendListValueSlots(
            count: count, firstRepetitionLevel: nextRepetitionLevel, repetitionLevel: UInt8(openListDepth))
        if count > 0 { nextRepetitionLevel = UInt8(openListDepth) }
    }

    /// Opens the innermost list of the next cell for a bulk append and returns the
    /// column, whose physical kind must be one `accepts` takes.
    func beginBulkList(
        accepting accepts: (PhysicalSlotKind) -> Bool, _ typeName: @autoclosure () -> String
    ) throws(ParquetWriterError) -> Int {
        let index = try nextCell()
        guard openListDepth == slots[index].listDepth - 1, accepts(slots[index].kind) else {
            throw mismatch(index, "list of \(typeName())")
        }
        openList(inColumn: index)
        return index
    }

    func bulkAppendFixedWidth<Value: FixedWidthValue>(
        _ elements: UnsafeBufferPointer<Value>, kind: PhysicalSlotKind, _ typeName: String
    ) throws(ParquetWriterError) {
        let index = try beginBulkList(accepting: { $0 == kind }, typeName)
        slots[index].with(ColumnWriter<FixedWidthPageValues<Value>>.self) { writer in
            appendCheckedListValues(to: writer, count: elements.count) {
                $0.append(elements, rows: elements.indices, where: nil)
            }
        }
        try endList()
    }

    func bulkAppendBooleans(_ elements: UnsafeBufferPointer<Bool>) throws(ParquetWriterError) {
        let index = try beginBulkList(accepting: { $0 == .boolean }, "Bool")
        slots[index].with(ColumnWriter<BooleanPageValues>.self) { writer in
            appendCheckedListValues(to: writer, count: elements.count) {
                $0.append(elements, rows: elements.indices, where: nil)
            }
        }
        try endList()
    }

    /// Integers go to INT32- or INT64-backed elements after a range check of every element.
    func bulkAppendIntegers<Integer: FixedWidthInteger>(
        _ elements: UnsafeBufferPointer<Integer>
    ) throws(ParquetWriterError) {
        let index = try beginBulkList(accepting: { $0 == .int32 || $0 == .int64 }, "\(Integer.self)")
        let kind = slots[index].kind
        if let range = integerRanges[index],
            !(range.contains(Int128(Integer.min)) && range.contains(Int128(Integer.max))),
            let outlier = elements.first(where: { !range.contains(Int128($0)) })
        {
            let descriptor = columns[index].descriptor
            throw rejectRow(
                .valueOutOfRange(
                    column: descriptor.name, row: rowCount, value: "\(outlier)",
                    allowed: "\(range.lowerBound)...\(range.upperBound)"))
        }
        if kind == .int32 {
            slots[index].with(ColumnWriter<FixedWidthPageValues<Int32>>.self) { writer in
                appendCheckedListValues(to: writer, count: elements.count) { values in
                    for element in elements { values.append(Int32(truncatingIfNeeded: element)) }
                }
            }
        } else {
            slots[index].with(ColumnWriter<FixedWidthPageValues<Int64>>.self) { writer in
                appendCheckedListValues(to: writer, count: elements.count) { values in
                    for element in elements { values.append(Int64(truncatingIfNeeded: element)) }
                }
            }
        }
        try endList()
    }
}

/// A Swift type whose buffers `ParquetWriter.appendList(_:)` takes as list elements.
public protocol ListElement {
    /// Appends `elements` to `writer` as one list cell.
    static func appendList<Sink: ByteSink>(
        _ elements: UnsafeBufferPointer<Self>, to writer: ParquetWriter<Sink>
    ) throws(ParquetWriterError)
}

extension Bool: ListElement {
    /// Appends `elements` to `writer` as one list cell.
    public static func appendList<Sink: ByteSink>(
        _ elements: UnsafeBufferPointer<Bool>, to writer: ParquetWriter<Sink>
    ) throws(ParquetWriterError) {
        try writer.bulkAppendBooleans(elements)
    }
}

extension Float: ListElement {
    /// Appends `elements` to `writer` as one list cell.
    public static func appendList<Sink: ByteSink>(
        _ elements: UnsafeBufferPointer<Float>, to writer: ParquetWriter<Sink>
    ) throws(ParquetWriterError) {
        try writer.bulkAppendFixedWidth(elements, kind: .float, "Float")
    }
}

extension Double: ListElement {
    /// Appends `elements` to `writer` as one list cell.
    public static func appendList<Sink: ByteSink>(
        _ elements: UnsafeBufferPointer<Double>, to writer: ParquetWriter<Sink>
    ) throws(ParquetWriterError) {
        try writer.bulkAppendFixedWidth(elements, kind: .double, "Double")
    }
}

/// Integers of every width share one implementation: range-checked against the element type.
public protocol IntegerListElement: ListElement, FixedWidthInteger {}

extension IntegerListElement {
    /// Appends `elements` to `writer` as one list cell, range-checked against the element type.
    public static func appendList<Sink: ByteSink>(
        _ elements: UnsafeBufferPointer<Self>, to writer: ParquetWriter<Sink>
    ) throws(ParquetWriterError) {
        try writer.bulkAppendIntegers(elements)
    }
}

extension Int8: IntegerListElement {}
extension Int16: IntegerListElement {}
extension Int32: IntegerListElement {}
extension Int64: IntegerListElement {}
extension Int: IntegerListElement {}
extension UInt8: IntegerListElement {}
extension UInt16: IntegerListElement {}
extension UInt32: IntegerListElement {}
extension UInt64: IntegerListElement {}
