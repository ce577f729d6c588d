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
    /// Appends rows given column by column, one `ColumnData` per schema column: the
    /// arrays are copied into `ColumnBuffers` (strings as UTF-8 bytes and offsets,
    /// validity as a bitmap) and appended by `appendColumns(_: [ColumnBuffers])`, so the
    /// batch is all or nothing and checked the same way.
    public func appendColumns(_ batch: [ColumnData]) throws(ParquetWriterError) {
        guard isOpen else { throw .writerClosed }
        for (index, column) in zip(columns.indices, batch) {
            if let validity = column.validity, validity.count != column.count {
                throw .batchLengthMismatch(
                    column: columns[index].descriptor.name, expected: column.count, got: validity.count)
            }
        }
        var copies: [CopiedColumn] = []
        defer { for copy in copies { copy.deallocate() } }
        for (index, column) in batch.enumerated() {
            guard let copy = CopiedColumn(column) else {
                let name = index < columns.count ? columns[index].descriptor.name : "#\(index)"
                throw .invalidOffsets(column: name, row: rowCount)
            }
            copies.append(copy)
        }
        try appendColumns(copies.map(\.buffers))
    }
}

/// A `ColumnData`'s arrays copied into buffers that stay where they are while the
/// batch is appended.
private struct CopiedColumn {
    let buffers: ColumnBuffers
    private let storage: [UnsafeMutableRawBufferPointer]

    /// Fails when the column's byte strings take more than `Int32.max` bytes, past what offsets can address.
    init?(_ column: ColumnData) {
        var storage: [UnsafeMutableRawBufferPointer] = []
        func copy<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
            let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: array.count)
            _ = buffer.initialize(from: array)
            storage.append(UnsafeMutableRawBufferPointer(buffer))
            return UnsafeBufferPointer(buffer)
        }
        func copy(byteStrings count: Int, _ withValue: (Int, (UnsafeRawBufferPointer) -> Void) -> Void) -> ColumnBuffers
            .Values?
        {
            var total = 0
            for row in 0..<count where column.isValid(row) { withValue(row) { total += $0.count } }
            guard total <= Int(Int32.max) else { return nil }
            let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: total, alignment: 1)
            let offsets = UnsafeMutableBufferPointer<Int32>.allocate(capacity: count + 1)
            storage += [bytes, UnsafeMutableRawBufferPointer(offsets)]
            var end = 0
            offsets[0] = 0
            for row in 0..<count {
                if column.isValid(row) {
                    withValue(row) { value in
                        UnsafeMutableRawBufferPointer(rebasing: bytes[end..<(end + value.count)]).copyMemory(
                            from: value)
                        end += value.count
                    }
                }
                offsets[row + 1] = Int32(end)
            }
            return .byteArrays(bytes: UnsafeRawBufferPointer(bytes), offsets: UnsafeBufferPointer(offsets))
        }
        let values: ColumnBuffers.Values
        switch column.values {
        case .booleans(let array): values = .booleans(copy(array))
        case .int32s(let array): values = .int32s(copy(array))
        case .int64s(let array): values = .int64s(copy(array))
        case .floats(let array): values = .floats(copy(array))
        case .doubles(let array): values = .doubles(copy(array))
        case .strings(let array):
            guard
                let text = copy(
                    byteStrings: array.count,
                    { row, use in
                        var value = array[row]
                        value.withUTF8 { use(UnsafeRawBufferPointer($0)) }
                    })
            else { return nil }
            values = text
        case .byteArrays(let array):
            guard let bytes = copy(byteStrings: array.count, { row, use in array[row].withUnsafeBytes(use) }) else {
                return nil
            }
            values = bytes
        }
        var validity: UnsafeRawBufferPointer? = nil
        if let flags = column.validity {
            let bitmap = UnsafeMutableRawBufferPointer.allocate(byteCount: (flags.count + 7) / 8, alignment: 1)
            bitmap.initializeMemory(as: UInt8.self, repeating: 0)
            for (row, isValid) in flags.enumerated() where isValid { bitmap[row >> 3] |= 1 << UInt8(row & 7) }
            storage.append(bitmap)
            validity = UnsafeRawBufferPointer(bitmap)
        }
        self.buffers = ColumnBuffers(values, validity: validity)
        self.storage = storage
    }

    func deallocate() {
        for buffer in storage { buffer.deallocate() }
    }
}
