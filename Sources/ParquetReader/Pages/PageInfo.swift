import ParquetFormat

/// One page of a column chunk as the reader found it, and where its decoded levels and
/// values sit in the chunk's accumulated buffers.
public struct PageInfo: Sendable, Hashable {
    /// Position of the page in its column chunk, from 0.
    public let index: Int
    /// File offset of the page header.
    public let offset: Int
    /// Size of the Thrift page header in bytes.
    public let headerSize: Int
    /// The decoded page header.
    public let header: PageHeader
    /// The result of checking the page's CRC, if it has one.
    public let checksum: PageChecksum
    /// The page's entries in the chunk's level arrays (its `num_values`); empty for
    /// dictionary and index pages.
    public let levels: Range<Int>
    /// The page's non-null values in the chunk's values; for a dictionary page, its
    /// entries are counted in `dictionarySize` instead.
    public let values: Range<Int>
    /// Entries whose definition level is below the maximum (nulls, and empty or null
    /// lists in nested columns).
    public let nullCount: Int
    /// Records that start in this page (entries with repetition level 0).
    public let rowCount: Int
    /// Entries in the dictionary, for a dictionary page.
    public let dictionarySize: Int?

    /// Header plus compressed body.
    public var totalSize: Int { headerSize + Int(header.compressedPageSize) }

    /// The encoding of the page's values, if it is a dictionary or data page.
    public var valueEncoding: Encoding? {
        header.dataPageHeader?.encoding ?? header.dataPageHeaderV2?.encoding ?? header.dictionaryPageHeader?.encoding
    }

    /// The page-level statistics, if the data page has any.
    public var statistics: Statistics? {
        header.dataPageHeader?.statistics ?? header.dataPageHeaderV2?.statistics
    }
}
