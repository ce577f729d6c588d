import ParquetFormat

/// The encoding of the values in one data page.
enum PageValueEncoding: Hashable, Sendable {
    case plain
    case dictionaryIndices
    case deltaBinaryPacked
    case deltaLengthByteArray
    case deltaByteArray
    case byteStreamSplit
    /// RLE booleans, in v2 data pages.
    case rle

    var format: Encoding {
        switch self {
        case .plain: .plain
        case .dictionaryIndices: .rleDictionary
        case .deltaBinaryPacked: .deltaBinaryPacked
        case .deltaLengthByteArray: .deltaLengthByteArray
        case .deltaByteArray: .deltaByteArray
        case .byteStreamSplit: .byteStreamSplit
        case .rle: .rle
        }
    }
}
