/// One column of a columnar batch for `ParquetWriter.appendColumns(_:)`, in contiguous
/// buffers the caller owns, laid out as Apache Arrow lays out its arrays.
///
/// The buffers are read only during the call; nothing keeps a pointer to them after it.
/// Every buffer has an entry for every row, null rows included: the values at a null
/// row are ignored (a byte array's null row usually has an empty range).
public struct ColumnBuffers {
    /// The values of the batch's rows.
    public enum Values {
        /// BOOLEAN values, one `Bool` (one byte) per row.
        case booleans(UnsafeBufferPointer<Bool>)
        /// Integers for a column stored as INT32 or INT64, or a DECIMAL on
        /// FIXED_LEN_BYTE_ARRAY (the unscaled value), range-checked against its type.
        case int32s(UnsafeBufferPointer<Int32>)
        /// Integers, as for `int32s`.
        case int64s(UnsafeBufferPointer<Int64>)
        /// Unsigned integers, as for `int32s`: a UINT32 column takes all of them.
        case uint32s(UnsafeBufferPointer<UInt32>)
        /// Unsigned integers, as for `int32s`: a UINT64 column takes all of them.
        case uint64s(UnsafeBufferPointer<UInt64>)
        /// FLOAT values.
        case floats(UnsafeBufferPointer<Float>)
        /// DOUBLE values.
        case doubles(UnsafeBufferPointer<Double>)
        /// FLOAT16 values.
        case float16s(UnsafeBufferPointer<Float16>)
        /// Byte strings for a BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY column, Arrow-style: row
        /// `i` is `bytes[offsets[i]..<offsets[i + 1]]`, so there is one more offset than
        /// rows. Offsets never decrease and stay within `bytes`; the first need not be 0.
        /// A STRING or JSON column checks that each value is UTF-8; a
        /// FIXED_LEN_BYTE_ARRAY column (UUID, a wide DECIMAL's big-endian bytes, …)
        /// that each value has the column's length.
        case byteArrays(bytes: UnsafeRawBufferPointer, offsets: UnsafeBufferPointer<Int32>)
    }

    /// The column's values, one entry per row.
    public var values: Values
    /// Arrow's validity bitmap: bit `i % 8` (least significant first) of byte `i / 8`
    /// is 1 when row `i` has a value and 0 when it is null; `nil` means no nulls. It
    /// needs at least `(rows + 7) / 8` bytes.
    public var validity: UnsafeRawBufferPointer?

    /// A column of `values`, with `validity` marking nulls, if any.
    public init(_ values: Values, validity: UnsafeRawBufferPointer? = nil) {
        self.values = values
        self.validity = validity
    }

    /// The rows the column holds, by its values (0 for a byte array with no offsets at all).
    var rowCount: Int {
        switch values {
        case .booleans(let values): values.count
        case .int32s(let values): values.count
        case .int64s(let values): values.count
        case .uint32s(let values): values.count
        case .uint64s(let values): values.count
        case .floats(let values): values.count
        case .doubles(let values): values.count
        case .float16s(let values): values.count
        case .byteArrays(_, let offsets): max(0, offsets.count - 1)
        }
    }

    /// The Swift type of the values, for a type mismatch's message.
    var typeName: String {
        switch values {
        case .booleans: "Bool"
        case .int32s: "Int32"
        case .int64s: "Int64"
        case .uint32s: "UInt32"
        case .uint64s: "UInt64"
        case .floats: "Float"
        case .doubles: "Double"
        case .float16s: "Float16"
        case .byteArrays: "bytes"
        }
    }
}

/// An Arrow validity bitmap: bit set for a row with a value.
struct ValidityBits {
    let bytes: UnsafeRawBufferPointer

    @inline(__always)
    subscript(row: Int) -> Bool { bit(row) != 0 }

    /// Row `row`'s bit as 0 or 1, for loops that count or compact without branching.
    @inline(__always)
    func bit(_ row: Int) -> Int { Int(truncatingIfNeeded: bytes[row &>> 3] &>> UInt8(truncatingIfNeeded: row & 7)) & 1 }

    /// The rows of `rows` with a value.
    func validCount(in rows: Range<Int>) -> Int {
        var count = 0
        for row in rows { count &+= bit(row) }
        return count
    }
}
