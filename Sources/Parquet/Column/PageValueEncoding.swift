import ParquetFormat

/// The encoding of the values in one data page.
enum PageValueEncoding: Hashable, Sendable {
    case plain
    case dictionaryIndices

    var format: Encoding {
        switch self {
        case .plain: .plain
        case .dictionaryIndices: .rleDictionary
        }
    }
}
