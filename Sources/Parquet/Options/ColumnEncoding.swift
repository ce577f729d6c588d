/// How a column's values are encoded in its data pages.
public enum ColumnEncoding: Hashable, Sendable {
    /// PLAIN values.
    case plain
    /// A PLAIN dictionary page plus RLE_DICTIONARY indices, falling back to
    /// `WriterOptions.dictionaryFallbackEncoding` (PLAIN by default) for the rest of the
    /// column chunk once the dictionary passes its size limit. BOOLEAN columns, which
    /// have no dictionary encoding, use PLAIN in v1 data pages and RLE in v2 data pages.
    case dictionary
    /// DELTA_BINARY_PACKED, for INT32 and INT64 columns.
    case deltaBinaryPacked
    /// DELTA_LENGTH_BYTE_ARRAY, for BYTE_ARRAY columns.
    case deltaLengthByteArray
    /// DELTA_BYTE_ARRAY (front coding), for BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY columns.
    case deltaByteArray
    /// BYTE_STREAM_SPLIT, for FLOAT, DOUBLE, INT32, INT64 and FIXED_LEN_BYTE_ARRAY columns.
    case byteStreamSplit
}

extension ColumnEncoding {
    /// Whether values of `physical` type can be written in this encoding.
    func supports(_ physical: PhysicalKind) -> Bool {
        switch self {
        case .plain, .dictionary: true
        case .deltaBinaryPacked: physical == .int32 || physical == .int64
        case .deltaLengthByteArray: physical == .byteArray
        case .deltaByteArray: physical == .byteArray || physical == .fixedLenByteArray
        case .byteStreamSplit: [.float, .double, .int32, .int64, .fixedLenByteArray].contains(physical)
        }
    }

    /// The page value encoding of a non-dictionary encoding.
    var pageEncoding: PageValueEncoding {
        switch self {
        case .plain: .plain
        case .dictionary: .dictionaryIndices
        case .deltaBinaryPacked: .deltaBinaryPacked
        case .deltaLengthByteArray: .deltaLengthByteArray
        case .deltaByteArray: .deltaByteArray
        case .byteStreamSplit: .byteStreamSplit
        }
    }
}
