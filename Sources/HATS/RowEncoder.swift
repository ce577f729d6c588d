import ParquetReader

/// Turns the rows of one row group of a spool file, decoded column by column, into encoded
/// rows (see ``CellLayout``), one row at a time.
struct RowEncoder {
    private var cursors: [Cursor]

    /// One column chunk and how far it has been read.
    fileprivate struct Cursor {
        let layout: CellLayout
        let data: ColumnChunkData
        let presentLevel: UInt8
        var entry = 0
        var value = 0
    }

    init(layouts: [CellLayout], chunks: [ColumnChunkData]) {
        cursors = zip(layouts, chunks).map {
            Cursor(layout: $0, data: $1, presentLevel: UInt8($1.column.maxDefinitionLevel))
        }
    }

    /// Appends the next row's cells to `row`.
    mutating func encodeRow(into row: inout [UInt8]) {
        for index in cursors.indices {
            cursors[index].encodeCell(into: &row)
        }
    }
}

extension RowEncoder.Cursor {
    fileprivate mutating func encodeCell(into row: inout [UInt8]) {
        let levels = data.definitionLevels
        let level = levels.isEmpty ? presentLevel : levels[entry]
        guard layout.isList else {
            entry += 1
            guard level == presentLevel else { return row.append(0) }
            row.append(1)
            appendValue(into: &row)
            return
        }
        // Definition levels of an optional list of optional elements: 0 a null list,
        // 1 an empty list, 2 a null element, 3 an element.
        guard level > 0 else {
            entry += 1
            return row.append(0)
        }
        row.append(1)
        let countOffset = row.count
        row.append(contentsOf: [0, 0, 0, 0])
        var count: UInt32 = 0
        if level == 1 {
            entry += 1
        } else {
            repeat {
                if levels[entry] == presentLevel {
                    row.append(1)
                    appendValue(into: &row)
                } else {
                    row.append(0)
                }
                count += 1
                entry += 1
            } while entry < data.entryCount && data.repetitionLevels[entry] > 0
        }
        withUnsafeBytes(of: count) { bytes in
            for offset in 0..<4 { row[countOffset + offset] = bytes[offset] }
        }
    }

    private mutating func appendValue(into row: inout [UInt8]) {
        defer { value += 1 }
        switch data.values {
        case .boolean(let values): row.append(values[value] ? 1 : 0)
        case .int32(let values): withUnsafeBytes(of: values[value]) { row.append(contentsOf: $0) }
        case .int64(let values): withUnsafeBytes(of: values[value]) { row.append(contentsOf: $0) }
        case .float(let values): withUnsafeBytes(of: values[value]) { row.append(contentsOf: $0) }
        case .double(let values): withUnsafeBytes(of: values[value]) { row.append(contentsOf: $0) }
        case .byteArray(let values):
            let bytes = values[value]
            withUnsafeBytes(of: UInt32(bytes.count)) { row.append(contentsOf: $0) }
            row.append(contentsOf: bytes)
        case .int96, .fixedLengthByteArray:
            // CellLayout refuses these types before any row is read.
            preconditionFailure("column \(layout.name) has a physical type rows are not encoded for")
        }
    }
}
