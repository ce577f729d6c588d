/// A value type a decoder stores into a staged column's region.
package enum DirectCellType: Sendable {
    /// Stored as `Bool`.
    case boolean
    /// Stored as `Int32`, in a column whose range holds every value of the source type.
    case uint8, int16, int32
    /// Stored as `Int64`, in a column that takes every `Int64`.
    case int64
    case float, double
}

/// Cells stored straight into the row stage by a decoder that knows each column's
/// type before the first row, such as the VOTable BINARY2 reader: no call per cell, and
/// every check that does not depend on the value made once, by `directCellOffset`.
extension ParquetWriter {
    /// Where column `index`'s cell of type `type` lies in a staged row, or nil unless
    /// the column is a staged, OPTIONAL column that takes every value of `type` as it
    /// is. The current row's cells begin at `directRowCells`: a decoder stores the cell
    /// there, or marks it null with `storeDirectNull`, and then moves the cursor past it
    /// with `advanceCursor(to:)` before any other call for the row (`discardRow()` included).
    package func directCellOffset(ofColumn index: Int, for type: DirectCellType) -> Int? {
        let slot = slots[index]
        guard slot.isStaged, slot.isNullable else { return nil }
        let offset = slot.stagedCellOffset
        let sourceRange: ClosedRange<Int128>
        switch type {
        case .boolean: return slot.kind == .boolean ? offset : nil
        case .float: return slot.kind == .float ? offset : nil
        case .double: return slot.kind == .double ? offset : nil
        case .int64: return slot.kind == .int64 && slot.takesWholePhysicalRange ? offset : nil
        case .uint8: sourceRange = 0...Int128(UInt8.max)
        case .int16: sourceRange = Int128(Int16.min)...Int128(Int16.max)
        case .int32: sourceRange = Int128(Int32.min)...Int128(Int32.max)
        }
        guard slot.kind == .int32, let range = integerRanges[index], range.clamped(to: sourceRange) == sourceRange
        else { return nil }
        return offset
    }

    /// Where the current row's cells begin in the stage.
    package var directRowCells: UnsafeMutableRawPointer { stagedRowCells }

    /// Marks column `index`'s cell of the current row null; the column is staged.
    @inline(__always)
    package func storeDirectNull(column index: Int) {
        stage.setNull(column: index, row: stagedRows)
    }

    /// Counts the current row's cells up to column `column` as appended, once a decoder
    /// has stored those past the cursor straight into the stage.
    package func advanceCursor(to column: Int) {
        precondition(cursor <= column && column <= columns.count && openListDepth == 0)
        cursor = column
    }
}
