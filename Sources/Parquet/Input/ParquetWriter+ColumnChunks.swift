import ParquetFormat
import ParquetReader

/// Column chunks decoded by `ParquetFileReader`, written back in bulk: reading a file and
/// writing its rows again goes column by column, never cell by cell.
extension ParquetWriter {
    /// Appends the rows of decoded column chunks, one per schema column in schema order,
    /// as `ParquetFileReader.readColumnChunk(rowGroup:column:decompressor:)` returns a row
    /// group's columns. Each column's non-null values are copied in bulk and its
    /// definition levels become a validity bitmap; the rows then go through
    /// `appendColumns(_:)` in slices of a few MiB of values.
    ///
    /// Every chunk is checked before any row is appended: it must be a flat column (LIST
    /// columns are not taken) with the path, physical type, type length and definition
    /// level of this writer's column (`typeMismatch` names the column otherwise), and all
    /// must hold the same number of rows (`batchLengthMismatch`). A value the column refuses
    /// (out of its integer range, text that is not UTF-8) fails its slice as in
    /// `appendColumns(_:)`: the slices before it stay appended, and `rowCount` says how
    /// many rows the writer holds.
    public func appendColumns(_ chunks: [ColumnChunkData]) throws(ParquetWriterError) {
        try appendColumns(chunks, sliceByteTarget: 4 << 20)
    }

    /// `appendColumns(_: [ColumnChunkData])` with slices of about `sliceByteTarget` bytes of
    /// columnar buffers (8 rows at least), so that a row group is never held twice.
    func appendColumns(_ chunks: [ColumnChunkData], sliceByteTarget: Int) throws(ParquetWriterError) {
        try checkBatchStart(columnCount: chunks.count)
        let rows = chunks.first?.entryCount ?? 0
        var bytesPerRow = 0
        for (index, chunk) in chunks.enumerated() {
            try checkChunk(chunk, column: index, rows: rows)
            bytesPerRow += Self.sliceBytesPerRow(chunk)
        }
        let sliceRows = max(8, min(rows, sliceByteTarget / max(1, bytesPerRow)))
        var slices = chunks.enumerated().map { index, chunk in
            ChunkSlicer(chunk, capacity: sliceRows, isFloat16: columns[index].descriptor.leafType == .float16)
        }
        defer { for slicer in slices { slicer.deallocate() } }
        var start = 0
        while start < rows {
            let end = min(rows, start + sliceRows)
            var batch: [ColumnBuffers] = []
            batch.reserveCapacity(slices.count)
            for index in slices.indices {
                batch.append(slices[index].buffers(rows: start..<end, for: columns[index].descriptor))
            }
            try appendColumns(batch)
            start = end
        }
    }

    /// Checks that `chunk` holds column `index`'s values as this writer stores them.
    private func checkChunk(_ chunk: ColumnChunkData, column index: Int, rows: Int) throws(ParquetWriterError) {
        let descriptor = columns[index].descriptor
        let leaf = chunk.column
        let stored = "\(leaf.physicalType)" + (leaf.physicalType == .fixedLenByteArray ? "(\(leaf.typeLength))" : "")
        let mismatch = ParquetWriterError.typeMismatch(
            column: descriptor.name, row: rowCount, expected: "\(descriptor.leafType)",
            got: "column chunk '\(leaf.dottedPath)' of \(stored) at definition level \(leaf.maxDefinitionLevel)")
        guard leaf.maxRepetitionLevel == 0, descriptor.maxRepetitionLevel == 0, leaf.path == descriptor.path,
            leaf.physicalType == descriptor.formatPhysicalType,
            leaf.maxDefinitionLevel == descriptor.maxDefinitionLevel,
            descriptor.physical != .fixedLenByteArray || leaf.typeLength == descriptor.typeLength
        else { throw mismatch }
        guard chunk.entryCount == rows else {
            throw .batchLengthMismatch(column: descriptor.name, expected: rows, got: chunk.entryCount)
        }
        let levels = chunk.definitionLevels
        let valid = levels.isEmpty ? rows : levels.count { Int($0) == leaf.maxDefinitionLevel }
        guard levels.isEmpty || levels.count == rows, valid == chunk.values.count else {
            throw .batchLengthMismatch(column: descriptor.name, expected: valid, got: chunk.values.count)
        }
    }

    /// The bytes a row of `chunk` takes in a slice's buffers.
    private static func sliceBytesPerRow(_ chunk: ColumnChunkData) -> Int {
        let rows = max(1, chunk.entryCount)
        switch chunk.values {
        case .boolean: return 2
        case .int32, .float: return 5
        case .int64, .double: return 9
        case .int96: return 13
        case .byteArray(let values): return 5 + values.bytes.count / rows
        case .fixedLengthByteArray(let values): return 5 + values.byteWidth
        }
    }
}

/// One chunk's rows, slice by slice, as a columnar batch's column: the values of the
/// slice's rows in a buffer of its own (a null row holds a neighbouring value, which
/// `appendColumns` ignores), and a validity bitmap when the slice has a null.
private struct ChunkSlicer {
    private let chunk: ColumnChunkData
    /// A FLOAT16 chunk's values, decoded from their FIXED_LEN_BYTE_ARRAY(2) bytes once.
    private let halves: [Float16]?
    /// The chunk's first value not yet in a slice.
    private var nextValue = 0
    private var values: UnsafeMutableRawPointer
    private var valueCapacity: Int
    private let offsets: UnsafeMutablePointer<Int32>
    private let validity: UnsafeMutablePointer<UInt8>
    private let rowCapacity: Int

    init(_ chunk: ColumnChunkData, capacity: Int, isFloat16: Bool) {
        self.chunk = chunk
        rowCapacity = capacity
        if isFloat16, case .fixedLengthByteArray(let source) = chunk.values {
            halves = source.bytes.withUnsafeBytes { bytes in
                (0..<source.count).map {
                    Float16(
                        bitPattern: UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self)))
                }
            }
        } else {
            halves = nil
        }
        valueCapacity = capacity * 8
        values = .allocate(byteCount: valueCapacity, alignment: 16)
        offsets = .allocate(capacity: capacity + 1)
        validity = .allocate(capacity: (capacity + 7) / 8)
    }

    func deallocate() {
        values.deallocate()
        offsets.deallocate()
        validity.deallocate()
    }

    /// The rows `rows` of the chunk, valid until the next call.
    mutating func buffers(rows: Range<Int>, for descriptor: ColumnDescriptor) -> ColumnBuffers {
        precondition(rows.count <= rowCapacity)
        let levels = chunk.definitionLevels
        let present = UInt8(truncatingIfNeeded: chunk.column.maxDefinitionLevel)
        var validCount = rows.count
        if !levels.isEmpty {
            validity.initialize(repeating: 0, count: (rows.count + 7) / 8)
            validCount = 0
            for row in rows where levels[row] == present {
                let bit = row - rows.lowerBound
                validity[bit >> 3] |= 1 << UInt8(bit & 7)
                validCount += 1
            }
        }
        let bitmap =
            validCount == rows.count ? nil : UnsafeRawBufferPointer(start: validity, count: (rows.count + 7) / 8)
        let dense = nextValue..<(nextValue + validCount)
        nextValue = dense.upperBound
        let buffers: ColumnBuffers.Values
        switch chunk.values {
        case .boolean(let source): buffers = .booleans(spread(source, dense, rows.count, bitmap))
        case .int32(let source):
            // UINT32 values are stored as INT32 bit patterns; the column's range checks the integers.
            if let range = descriptor.integerRange, range.upperBound > Int128(Int32.max) {
                buffers = .uint32s(spread(source, dense, rows.count, bitmap, as: UInt32.self))
            } else {
                buffers = .int32s(spread(source, dense, rows.count, bitmap))
            }
        case .int64(let source):
            if let range = descriptor.integerRange, range.upperBound > Int128(Int64.max) {
                buffers = .uint64s(spread(source, dense, rows.count, bitmap, as: UInt64.self))
            } else {
                buffers = .int64s(spread(source, dense, rows.count, bitmap))
            }
        case .float(let source): buffers = .floats(spread(source, dense, rows.count, bitmap))
        case .double(let source): buffers = .doubles(spread(source, dense, rows.count, bitmap))
        case .int96:
            preconditionFailure("checkChunk refuses INT96, which no writer column stores")
        case .fixedLengthByteArray(let source):
            if let halves {
                buffers = .float16s(spread(halves, dense, rows.count, bitmap))
            } else {
                let width = source.byteWidth
                buffers = byteArrays(
                    source.bytes, from: dense.lowerBound * width, to: dense.upperBound * width, dense: dense,
                    rows: rows.count, bitmap: bitmap
                ) { _ in width }
            }
        case .byteArray(let source):
            let offsets = source.offsets
            buffers = byteArrays(
                source.bytes, from: offsets[dense.lowerBound], to: offsets[dense.upperBound], dense: dense,
                rows: rows.count, bitmap: bitmap
            ) { offsets[$0 + 1] - offsets[$0] }
        }
        return ColumnBuffers(buffers, validity: bitmap)
    }

    /// The values `dense` of `source` placed at their rows among `rows` rows.
    private func spread<Value>(
        _ source: [Value], _ dense: Range<Int>, _ rows: Int, _ bitmap: UnsafeRawBufferPointer?
    ) -> UnsafeBufferPointer<Value> {
        spread(source, dense, rows, bitmap, as: Value.self)
    }

    /// As `spread`, the values reinterpreted as `Stored`, a type of the same size.
    private func spread<Value, Stored>(
        _ source: [Value], _ dense: Range<Int>, _ rows: Int, _ bitmap: UnsafeRawBufferPointer?,
        as _: Stored.Type
    ) -> UnsafeBufferPointer<Stored> {
        precondition(MemoryLayout<Value>.stride == MemoryLayout<Stored>.stride && MemoryLayout<Stored>.stride <= 8)
        guard !dense.isEmpty else {
            // All null: the values are never read.
            values.initializeMemory(as: UInt8.self, repeating: 0, count: rows * MemoryLayout<Stored>.stride)
            return UnsafeBufferPointer(start: values.assumingMemoryBound(to: Stored.self), count: rows)
        }
        let target = values.bindMemory(to: Stored.self, capacity: rows)
        source.withUnsafeBufferPointer { source in
            let from = UnsafeRawPointer(source.baseAddress! + dense.lowerBound).assumingMemoryBound(to: Stored.self)
            guard let bitmap else {
                target.update(from: from, count: dense.count)
                return
            }
            let bits = ValidityBits(bytes: bitmap)
            let last = dense.count - 1
            var next = 0
            for row in 0..<rows {
                // Every row takes the next value; only a valid row moves past it.
                target[row] = from[min(next, last)]
                next &+= bits.bit(row)
            }
        }
        return UnsafeBufferPointer(start: target, count: rows)
    }

    /// The byte array values `dense` among `rows` rows, whose bytes lie back to back in
    /// `source[start..<end]`; `length(value)` gives a value's length.
    private mutating func byteArrays(
        _ source: [UInt8], from start: Int, to end: Int, dense: Range<Int>, rows: Int,
        bitmap: UnsafeRawBufferPointer?, length: (Int) -> Int
    ) -> ColumnBuffers.Values {
        if end - start > valueCapacity {
            values.deallocate()
            valueCapacity = max(end - start, 2 * valueCapacity)
            values = .allocate(byteCount: valueCapacity, alignment: 16)
        }
        source.withUnsafeBytes { values.copyMemory(from: $0.baseAddress! + start, byteCount: end - start) }
        let bits = bitmap.map(ValidityBits.init)
        var value = dense.lowerBound
        var offset: Int32 = 0
        offsets[0] = 0
        for row in 0..<rows {
            if bits?[row] ?? true {
                offset &+= Int32(truncatingIfNeeded: length(value))
                value += 1
            }
            offsets[row + 1] = offset
        }
        return .byteArrays(
            bytes: UnsafeRawBufferPointer(start: values, count: end - start),
            offsets: UnsafeBufferPointer(start: offsets, count: rows + 1))
    }
}
