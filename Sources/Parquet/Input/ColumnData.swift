/// One column of a columnar batch: typed values plus an optional validity mask.
public struct ColumnData: Sendable {
    /// The values, one per row; entries at null positions are ignored.
    public enum Values: Sendable {
        /// BOOLEAN values.
        case booleans([Bool])
        /// 32-bit integers, for any column stored as INT32.
        case int32s([Int32])
        /// 64-bit integers, for any column stored as INT64.
        case int64s([Int64])
        /// FLOAT values.
        case floats([Float])
        /// DOUBLE values.
        case doubles([Double])
        /// Text for a STRING or JSON column.
        case strings([String])
        /// Byte strings for a BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY column.
        case byteArrays([[UInt8]])
    }

    /// The column's values, one per row of the batch.
    public var values: Values
    /// `false` marks a null row; `nil` means no nulls.
    public var validity: [Bool]?

    /// A column of `values`, with `validity` marking nulls (`false`) if any.
    public init(_ values: Values, validity: [Bool]? = nil) {
        self.values = values
        self.validity = validity
    }

    var count: Int {
        switch values {
        case .booleans(let values): values.count
        case .int32s(let values): values.count
        case .int64s(let values): values.count
        case .floats(let values): values.count
        case .doubles(let values): values.count
        case .strings(let values): values.count
        case .byteArrays(let values): values.count
        }
    }

    @inline(__always)
    func isValid(_ row: Int) -> Bool { validity?[row] ?? true }
}

extension ParquetWriter {
    /// Appends rows given column by column, one `ColumnData` per schema column.
    /// The batch is all or nothing: every cell is checked first, as the row appends
    /// would check it, so a rejected batch leaves no row behind.
    public func appendColumns(_ batch: [ColumnData]) throws(ParquetWriterError) {
        guard isOpen else { throw .writerClosed }
        guard cursor == 0 else { throw rejectRow(.missingCell(column: columns[cursor].descriptor.name, row: rowCount)) }
        guard batch.count == columns.count else {
            throw batch.count < columns.count
                ? .missingCell(column: columns[batch.count].descriptor.name, row: rowCount)
                : .extraCell(row: rowCount, columnCount: columns.count)
        }
        let rows = batch.first?.count ?? 0
        for (index, column) in batch.enumerated() {
            let name = columns[index].descriptor.name
            guard column.count == rows else { throw .batchLengthMismatch(column: name, expected: rows, got: column.count) }
            if let validity = column.validity, validity.count != rows {
                throw .batchLengthMismatch(column: name, expected: rows, got: validity.count)
            }
        }
        try validate(batch, rows: rows)
        for row in 0..<rows {
            for column in batch {
                guard column.isValid(row) else {
                    try appendNull()
                    continue
                }
                switch column.values {
                case .booleans(let values): try append(values[row])
                case .int32s(let values): try append(values[row])
                case .int64s(let values): try append(values[row])
                case .floats(let values): try append(values[row])
                case .doubles(let values): try append(values[row])
                case .strings(let values): try append(values[row])
                case .byteArrays(let values): try append(bytes: values[row])
                }
            }
            try endRow()
        }
    }

    /// Runs every cell of the batch through a dry-run writer of the same schema, so
    /// that the checks are exactly those of the row appends.
    private func validate(_ batch: [ColumnData], rows: Int) throws(ParquetWriterError) {
        var options = WriterOptions()
        options.encoding = .plain
        options.compression = .uncompressed
        options.statisticsEnabled = false
        let probe = try ParquetWriter<DiscardingSink>(schema: schema, sink: DiscardingSink(), options: options)
        for row in 0..<rows {
            do {
                for column in batch {
                    guard column.isValid(row) else {
                        try probe.appendNull()
                        continue
                    }
                    switch column.values {
                    case .booleans(let values): try probe.append(values[row])
                    case .int32s(let values): try probe.append(values[row])
                    case .int64s(let values): try probe.append(values[row])
                    case .floats(let values): try probe.append(values[row])
                    case .doubles(let values): try probe.append(values[row])
                    case .strings(let values): try probe.append(values[row])
                    case .byteArrays(let values): try probe.append(bytes: values[row])
                    }
                }
            } catch {
                throw error.renumbered(row: rowCount + row)
            }
            probe.discardRow()
        }
    }
}

/// Throws every byte away; used to dry-run cell checks.
final class DiscardingSink: ByteSink {
    func write(_ bytes: UnsafeRawBufferPointer) throws {}
    func close() throws {}
}

extension ParquetWriterError {
    /// The same error with its row index replaced.
    func renumbered(row: Int) -> ParquetWriterError {
        switch self {
        case let .typeMismatch(column, _, expected, got): .typeMismatch(column: column, row: row, expected: expected, got: got)
        case let .valueOutOfRange(column, _, value, allowed): .valueOutOfRange(column: column, row: row, value: value, allowed: allowed)
        case let .nullInRequiredColumn(column, _): .nullInRequiredColumn(column: column, row: row)
        case let .nullListElement(column, _): .nullListElement(column: column, row: row)
        case .noOpenList: .noOpenList(row: row)
        case let .invalidUTF8(column, _): .invalidUTF8(column: column, row: row)
        case let .wrongFixedLength(column, _, expected, got): .wrongFixedLength(column: column, row: row, expected: expected, got: got)
        case let .missingCell(column, _): .missingCell(column: column, row: row)
        case let .extraCell(_, columnCount): .extraCell(row: row, columnCount: columnCount)
        default: self
        }
    }
}
