/// Columnar batches: every column of the batch is checked in one loop before any row
/// is appended, then its runs of non-null values are copied into the open page in bulk.
extension ParquetWriter {
    /// Appends the rows of a columnar batch, one `ColumnBuffers` per schema column, in
    /// schema order; the first column's length is the batch's.
    ///
    /// The batch is all or nothing: every value is checked first (lengths, types,
    /// integer ranges, UTF-8, fixed lengths, offsets, nulls in REQUIRED columns), and
    /// the first problem, in the first column (in schema order) that has one, is thrown
    /// with its row numbered as `rowCount` plus its index in the batch; nothing is
    /// appended and the writer goes on. Pages and row groups close on exactly the rows
    /// where appending the same rows one by one would close them, so the file's bytes
    /// are the same. LIST columns are not taken (`typeMismatch`): append them row by row.
    ///
    /// A failure to write can come after some rows of the batch went into row groups
    /// already written: those stay, and `rowCount` says how many rows the file holds.
    /// A spill that fails drops the open row group, as with row appends; a codec
    /// failure in the middle of the batch closes the writer.
    public func appendColumns(_ batch: [ColumnBuffers]) throws(ParquetWriterError) {
        try checkBatchStart(columnCount: batch.count)
        let rows = batch.first?.rowCount ?? 0
        for (index, column) in batch.enumerated() { try validate(column, column: index, rows: rows) }
        try flushStage()
        var done = 0
        while done < rows {
            // Every column takes the rows up to the next row-group check, flushing its own
            // pages as they fill; then the rows are counted as `endRow()` counts them.
            let segment = done..<(done + min(rows - done, rowsBeforeRowGroupCheck))
            do {
                for (index, column) in batch.enumerated() {
                    try appendSegment(segment, of: column, toColumn: index)
                }
            } catch {
                // A failed spill drops the open row group, every column's part of it
                // included; any other failure leaves the columns holding different rows.
                let failure = dropRowGroup(after: error)
                if case .spillFailed = failure {} else { closeAfterFailure() }
                throw failure
            }
            try endBatchRows(segment.count)
            done = segment.upperBound
        }
    }

    /// Checks that a batch of `count` columns may go in now: the writer is open, no row
    /// is half appended, and there is one column per schema column.
    func checkBatchStart(columnCount count: Int) throws(ParquetWriterError) {
        guard isOpen else { throw .writerClosed }
        guard cursor == 0 else { throw rejectRow(.missingCell(column: columns[cursor].descriptor.name, row: rowCount)) }
        guard count == columns.count else {
            throw count < columns.count
                ? .missingCell(column: columns[count].descriptor.name, row: rowCount)
                : .extraCell(row: rowCount, columnCount: columns.count)
        }
    }

    /// Moves the staged rows' cells to the flat columns' pages, after the blocks the
    /// flusher holds, if any: every row appended so far is then in the columns.
    func flushStage() throws(ParquetWriterError) {
        if let failure = flusher?.waitUntilIdle() { throw dropRowGroup(after: failure) }
        guard stagedRows > 0 else { return }
        do {
            try moveRows(of: [(stage, stagedRows)])
        } catch {
            throw dropRowGroup(after: error)
        }
        stage.reset()
        emptyStagedRows()
    }

    /// Starts the next block at the stage's first row, once its rows have gone to the
    /// columns, to the flusher or nowhere.
    func emptyStagedRows() {
        stagedRows = 0
        stagedRowCells = stage.rowCells
    }

    /// Hands the full stage to the flusher, once one of its stages is free, or without
    /// one moves the rows here.
    func handOffStage() throws(ParquetWriterError) {
        guard let flusher else { return try flushStage() }
        let failure = flusher.handOff(stage, rows: stagedRows) { [self] blocks throws(ParquetWriterError) in
            try moveRows(of: blocks)
        }
        if let failure { throw dropRowGroup(after: failure) }
        emptyStagedRows()
    }

    /// Moves blocks of staged rows, in order, to the flat columns' pages, so that pages
    /// close on the rows where appending each cell would close them. Column by column: a
    /// column takes its part of every block before the next column's turn. A fixed-width
    /// column's cells are read where they lie in the rows; a byte array column's move as a
    /// batch's column. A page the pool refuses ends it with the pool's failure.
    func moveRows(of blocks: [(stage: RowStage, rows: Int)]) throws(ParquetWriterError) {
        for block in blocks { block.stage.gatherByteArrayEnds(rows: block.rows) }
        // Unretained in the loop below: `blocks` holds the stages, and a retain and
        // release per column and block cost the flusher a tenth of its time.
        let stages = blocks.map { (stage: Unmanaged.passUnretained($0.stage), rows: $0.rows) }
        try withExtendedLifetime(blocks) { () throws(ParquetWriterError) in
            for (index, slot) in slots.enumerated() where slot.isStaged {
                for block in stages {
                    if slot.kind == .byteArray {
                        let buffers = block.stage._withUnsafeGuaranteedRef {
                            $0.byteArrays(ofColumn: index, rows: block.rows)
                        }
                        try appendSegment(0..<block.rows, of: buffers, toColumn: index)
                    } else {
                        let cells = block.stage._withUnsafeGuaranteedRef { $0.cells(ofColumn: index) }
                        try appendStagedCells(block.rows, of: cells, toColumn: index)
                    }
                }
            }
        }
    }

    /// Appends the first `rows` cells of a staged fixed-width column, read where they lie
    /// in the block's rows, flushing each page on the row that fills it.
    private func appendStagedCells(
        _ rows: Int, of cells: (first: UnsafeRawPointer, stride: Int, validity: ValidityBits?), toColumn index: Int
    ) throws(ParquetWriterError) {
        // A local function, not a closure value: passed on without a context on the heap.
        func flush() throws(ParquetWriterError) { try flushPage(ofColumn: index) }
        let slot = slots[index]
        let (first, stride, validity) = cells
        // Each case spelled out, so that every loop is compiled for its value type: through
        // a generic helper the loops went unspecialized (value witness calls took a fifth
        // of the flusher's samples).
        switch slot.kind {
        case .boolean:
            try slot.withWriter(ColumnWriter<BooleanPageValues>.self) { (writer) throws(ParquetWriterError) in
                try writer.appendBatch(0..<rows, validity: validity, pageRowLimit: pageRowLimit, flushPage: flush) {
                    $0.append(strided: first, stride: stride, rows: $1, where: $2)
                }
            }
        case .int32:
            try slot.withWriter(ColumnWriter<FixedWidthPageValues<Int32>>.self) { (writer) throws(ParquetWriterError) in
                try writer.appendBatch(0..<rows, validity: validity, pageRowLimit: pageRowLimit, flushPage: flush) {
                    $0.append(strided: first, stride: stride, rows: $1, where: $2)
                }
            }
        case .int64:
            try slot.withWriter(ColumnWriter<FixedWidthPageValues<Int64>>.self) { (writer) throws(ParquetWriterError) in
                try writer.appendBatch(0..<rows, validity: validity, pageRowLimit: pageRowLimit, flushPage: flush) {
                    $0.append(strided: first, stride: stride, rows: $1, where: $2)
                }
            }
        case .float:
            try slot.withWriter(ColumnWriter<FixedWidthPageValues<Float>>.self) { (writer) throws(ParquetWriterError) in
                try writer.appendBatch(0..<rows, validity: validity, pageRowLimit: pageRowLimit, flushPage: flush) {
                    $0.append(strided: first, stride: stride, rows: $1, where: $2)
                }
            }
        case .double:
            try slot.withWriter(ColumnWriter<FixedWidthPageValues<Double>>.self) {
                (writer) throws(ParquetWriterError) in
                try writer.appendBatch(0..<rows, validity: validity, pageRowLimit: pageRowLimit, flushPage: flush) {
                    $0.append(strided: first, stride: stride, rows: $1, where: $2)
                }
            }
        case .float16:
            try slot.withWriter(ColumnWriter<FixedWidthPageValues<Float16Bits>>.self) {
                (writer) throws(ParquetWriterError) in
                try writer.appendBatch(0..<rows, validity: validity, pageRowLimit: pageRowLimit, flushPage: flush) {
                    $0.append(strided: first, stride: stride, rows: $1, where: $2)
                }
            }
        case .byteArray:
            preconditionFailure("byte array cells move as a batch's column")
        }
    }

    // MARK: Checks

    private func validate(_ buffers: ColumnBuffers, column index: Int, rows: Int) throws(ParquetWriterError) {
        let descriptor = columns[index].descriptor
        let name = descriptor.name
        let listDepth = slots[index].listDepth
        guard listDepth == 0 else {
            let expected = String(repeating: "list of ", count: listDepth) + "\(descriptor.leafType)"
            throw .typeMismatch(column: name, row: rowCount, expected: expected, got: buffers.typeName)
        }
        guard buffers.rowCount == rows else {
            throw .batchLengthMismatch(column: name, expected: rows, got: buffers.rowCount)
        }
        if case .byteArrays(_, let offsets) = buffers.values, offsets.count != rows + 1, rows > 0 || offsets.count > 1 {
            throw .batchLengthMismatch(column: name, expected: rows, got: offsets.count - 1)
        }
        if let bitmap = buffers.validity, bitmap.count < (rows + 7) / 8 {
            throw .batchLengthMismatch(column: name, expected: rows, got: bitmap.count * 8)
        }
        let validity = buffers.validity.map(ValidityBits.init)
        if descriptor.isRequired, let validity, let row = (0..<rows).first(where: { !validity[$0] }) {
            throw .nullInRequiredColumn(column: name, row: rowCount + row)
        }
        let mismatch = ParquetWriterError.typeMismatch(
            column: name, row: rowCount, expected: "\(descriptor.leafType)", got: buffers.typeName)
        let kind = columns[index].kind
        switch buffers.values {
        case .booleans: guard kind == .boolean else { throw mismatch }
        case .floats: guard kind == .float else { throw mismatch }
        case .doubles: guard kind == .double else { throw mismatch }
        case .float16s: guard kind == .float16 else { throw mismatch }
        case .int32s(let values): try checkIntegers(values, column: index, validity: validity, mismatch: mismatch)
        case .int64s(let values): try checkIntegers(values, column: index, validity: validity, mismatch: mismatch)
        case .uint32s(let values): try checkIntegers(values, column: index, validity: validity, mismatch: mismatch)
        case .uint64s(let values): try checkIntegers(values, column: index, validity: validity, mismatch: mismatch)
        case .byteArrays(let bytes, let offsets):
            guard kind == .byteArray else { throw mismatch }
            try checkByteArrays(bytes, offsets: offsets, rows: rows, descriptor: descriptor, validity: validity)
        }
    }

    /// Integers go to INT32- and INT64-backed columns and to a DECIMAL on
    /// FIXED_LEN_BYTE_ARRAY, within the column's range.
    private func checkIntegers<Source: FixedWidthInteger>(
        _ values: UnsafeBufferPointer<Source>, column index: Int, validity: ValidityBits?, mismatch: ParquetWriterError
    ) throws(ParquetWriterError) {
        let descriptor = columns[index].descriptor
        let kind = columns[index].kind
        let takesIntegers =
            kind == .int32 || kind == .int64
            || (descriptor.physical == .fixedLenByteArray && descriptor.integerRange != nil)
        guard takesIntegers, let range = descriptor.integerRange else { throw mismatch }
        // Every range holds 0, so both bounds clamp into the source type.
        let low = range.lowerBound <= Int128(Source.min) ? Source.min : Source(range.lowerBound)
        let high = range.upperBound >= Int128(Source.max) ? Source.max : Source(range.upperBound)
        guard low != Source.min || high != Source.max else { return }
        for row in values.indices where values[row] < low || values[row] > high {
            guard validity?[row] ?? true else { continue }
            throw .valueOutOfRange(
                column: descriptor.name, row: rowCount + row, value: "\(values[row])",
                allowed: "\(range.lowerBound)...\(range.upperBound)")
        }
    }

    private func checkByteArrays(
        _ bytes: UnsafeRawBufferPointer, offsets: UnsafeBufferPointer<Int32>, rows: Int, descriptor: ColumnDescriptor,
        validity: ValidityBits?
    ) throws(ParquetWriterError) {
        guard rows > 0 else { return }
        let name = descriptor.name
        var start = Int(offsets[0])
        guard start >= 0 else { throw .invalidOffsets(column: name, row: 0) }
        for row in 0..<rows {
            let end = Int(offsets[row + 1])
            guard end >= start, end <= bytes.count else { throw .invalidOffsets(column: name, row: rowCount + row) }
            start = end
        }
        if descriptor.physical == .fixedLenByteArray {
            let length = descriptor.typeLength
            for row in 0..<rows where Int(offsets[row + 1] &- offsets[row]) != length && validity?[row] ?? true {
                throw .wrongFixedLength(
                    column: name, row: rowCount + row, expected: length, got: Int(offsets[row + 1] &- offsets[row]))
            }
        }
        guard descriptor.leafType == .string || descriptor.leafType == .json else { return }
        // Text is mostly ASCII: one pass over all of it spares checking value by value.
        let all = UnsafeRawBufferPointer(rebasing: bytes[Int(offsets[0])..<Int(offsets[rows])])
        guard !UTF8Validation.isASCII(all) else { return }
        for row in 0..<rows where validity?[row] ?? true {
            let value = UnsafeRawBufferPointer(rebasing: bytes[Int(offsets[row])..<Int(offsets[row + 1])])
            guard UTF8Validation.isValid(value) else { throw .invalidUTF8(column: name, row: rowCount + row) }
        }
    }

    // MARK: Appending

    /// Appends `rows` of a checked column, flushing each page on the row that fills it.
    private func appendSegment(_ rows: Range<Int>, of buffers: ColumnBuffers, toColumn index: Int)
        throws(ParquetWriterError)
    {
        let validity = buffers.validity.map(ValidityBits.init)
        // A local function, not a closure value: passed on without a context on the heap.
        func flush() throws(ParquetWriterError) { try flushPage(ofColumn: index) }
        // Through the slot's unretained writer: a retain and release per column and block
        // cost the flusher a seventh of its time.
        let slot = slots[index]
        switch (slot.kind, buffers.values) {
        case (.boolean, .booleans(let source)):
            try slot.withWriter(ColumnWriter<BooleanPageValues>.self) { (writer) throws(ParquetWriterError) in
                try writer.appendBatch(rows, validity: validity, pageRowLimit: pageRowLimit, flushPage: flush) {
                    values, run, validity in
                    values.append(source, rows: run, where: validity)
                }
            }
        case (.float, .floats(let source)):
            try slot.withWriter(ColumnWriter<FixedWidthPageValues<Float>>.self) { (writer) throws(ParquetWriterError) in
                try writer.appendBatch(rows, validity: validity, pageRowLimit: pageRowLimit, flushPage: flush) {
                    values, run, validity in
                    values.append(source, rows: run, where: validity)
                }
            }
        case (.double, .doubles(let source)):
            try slot.withWriter(ColumnWriter<FixedWidthPageValues<Double>>.self) {
                (writer) throws(ParquetWriterError) in
                try writer.appendBatch(rows, validity: validity, pageRowLimit: pageRowLimit, flushPage: flush) {
                    values, run, validity in
                    values.append(source, rows: run, where: validity)
                }
            }
        case (.float16, .float16s(let source)):
            try slot.withWriter(ColumnWriter<FixedWidthPageValues<Float16Bits>>.self) {
                (writer) throws(ParquetWriterError) in
                try writer.appendBatch(rows, validity: validity, pageRowLimit: pageRowLimit, flushPage: flush) {
                    values, run, validity in
                    source.withMemoryRebound(to: Float16Bits.self) { values.append($0, rows: run, where: validity) }
                }
            }
        case (_, .int32s(let source)): try appendIntegers(rows, of: source, toColumn: index, validity: validity)
        case (_, .int64s(let source)): try appendIntegers(rows, of: source, toColumn: index, validity: validity)
        case (_, .uint32s(let source)): try appendIntegers(rows, of: source, toColumn: index, validity: validity)
        case (_, .uint64s(let source)): try appendIntegers(rows, of: source, toColumn: index, validity: validity)
        case (.byteArray, .byteArrays(let bytes, let offsets)):
            try slot.withWriter(ColumnWriter<ByteArrayPageValues>.self) { (writer) throws(ParquetWriterError) in
                try writer.appendBatch(
                    rows, validity: validity, pageRowLimit: pageRowLimit, flushPage: flush,
                    valueByteCount: { Int(offsets[$0 &+ 1] &- offsets[$0]) }
                ) { values, run, validity in
                    values.append(rows: run, of: bytes, offsets: offsets, where: validity)
                }
            }
        default:
            preconditionFailure("appendColumns checks every column's type before appending")
        }
    }

    /// Integers of a width the column stores are copied as they are (an unsigned value
    /// as its bit pattern); others are converted, and a DECIMAL on FIXED_LEN_BYTE_ARRAY
    /// gets its big-endian two's complement bytes.
    private func appendIntegers<Source: FixedWidthInteger>(
        _ rows: Range<Int>, of source: UnsafeBufferPointer<Source>, toColumn index: Int, validity: ValidityBits?
    ) throws(ParquetWriterError) {
        // A local function, not a closure value: passed on without a context on the heap.
        func flush() throws(ParquetWriterError) { try flushPage(ofColumn: index) }
        let slot = slots[index]
        switch slot.kind {
        case .int32:
            try slot.withWriter(ColumnWriter<FixedWidthPageValues<Int32>>.self) { (writer) throws(ParquetWriterError) in
                try writer.appendBatch(rows, validity: validity, pageRowLimit: pageRowLimit, flushPage: flush) {
                    values, run, validity in
                    if Source.bitWidth == 32 {
                        source.withMemoryRebound(to: Int32.self) { values.append($0, rows: run, where: validity) }
                    } else {
                        for row in run where validity?[row] ?? true {
                            values.append(Int32(truncatingIfNeeded: source[row]))
                        }
                    }
                }
            }
        case .int64:
            try slot.withWriter(ColumnWriter<FixedWidthPageValues<Int64>>.self) { (writer) throws(ParquetWriterError) in
                try writer.appendBatch(rows, validity: validity, pageRowLimit: pageRowLimit, flushPage: flush) {
                    values, run, validity in
                    if Source.bitWidth == 64 {
                        source.withMemoryRebound(to: Int64.self) { values.append($0, rows: run, where: validity) }
                    } else {
                        for row in run where validity?[row] ?? true {
                            values.append(Int64(truncatingIfNeeded: source[row]))
                        }
                    }
                }
            }
        case .byteArray:
            try slot.withWriter(ColumnWriter<ByteArrayPageValues>.self) { (writer) throws(ParquetWriterError) in
                let length = writer.descriptor.typeLength
                try writer.appendBatch(
                    rows, validity: validity, pageRowLimit: pageRowLimit, flushPage: flush,
                    valueByteCount: { _ in length }
                ) {
                    values, run, validity in
                    for row in run where validity?[row] ?? true {
                        values.append(bigEndianBytes: Int128(source[row]), length: length)
                    }
                }
            }
        default:
            preconditionFailure("appendColumns checks every column's type before appending")
        }
    }
}
