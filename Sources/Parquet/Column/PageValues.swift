import ParquetEncoding

/// The non-null values of one column's open data page, in a contiguous typed buffer.
///
/// A conforming type knows how to PLAIN-encode itself, feed a dictionary, and fold
/// itself into the chunk statistics; `ColumnWriter` does the rest generically.
protocol PageValues {
    associatedtype Statistics: ChunkStatisticsAccumulator
    associatedtype Dictionary

    var count: Int { get }
    /// Bytes these values take PLAIN-encoded: the page-size and row-group-size estimate.
    var plainByteCount: Int { get }
    /// Bytes these values occupy in their page buffers: what the memory budget counts.
    var memoryByteCount: Int { get }
    /// Bytes of storage the page buffers hold, used or not.
    var storageByteCount: Int { get }
    /// Bytes of the values themselves that vary from value to value: a byte array's
    /// bytes; 0 for fixed-width types.
    var variableByteCount: Int { get }
    /// `plainByteCount` and `memoryByteCount` of `count` values whose variable bytes
    /// total `variableBytes`: a columnar batch plans its page cuts with it.
    func byteCounts(count: Int, variableBytes: Int) -> (plain: Int, memory: Int)

    mutating func removeLast()
    /// Bytes of the values without length prefixes, for BYTE_ARRAY; nil for other types.
    var unencodedByteArrayBytes: Int? { get }
    /// Frees the page buffers; the owning column writer calls it once, from its deinit.
    func deallocate()
    mutating func removeAll()
    /// Empties the page and gives the buffers' storage back, once the file is complete.
    mutating func releaseStorage()
    /// An empty page of the same column that shares no storage with this one, for the
    /// column to go on with while this page is encoded elsewhere.
    func withoutStorage() -> Self

    func encodePlain(into output: inout [UInt8])
    /// Appends the values in `encoding`, which is not `.dictionaryIndices` and suits the
    /// column's physical type (checked when the writer was created).
    func encode(_ encoding: PageValueEncoding, into output: inout [UInt8])
    func accumulate(into statistics: inout Statistics)
    /// Inserts the xxHash64 of each value's PLAIN bytes (without a length prefix) into `filter`.
    func insertHashes(into filter: inout SplitBlockBloomFilter)

    /// A new empty dictionary, or nil when this type has no dictionary encoding.
    static func makeDictionary(typeLength: Int) -> Dictionary?
    /// Bytes the first `prefix` values take PLAIN-encoded.
    func plainByteCount(prefix: Int) -> Int
    /// Looks the values at `positions` up in `dictionary`, inserting new ones, appending the indices.
    func appendIndices(into dictionary: inout Dictionary, indices: inout [UInt32], positions: Range<Int>)
    static func dictionaryCount(_ dictionary: Dictionary) -> Int
    /// Bytes the dictionary occupies: its hash table and its entries' storage.
    static func dictionaryMemoryByteCount(_ dictionary: Dictionary) -> Int
    /// The size of the dictionary page body: the entries PLAIN-encoded.
    func dictionaryPlainByteCount(_ dictionary: Dictionary) -> Int
    func encodeDictionaryPlain(_ dictionary: Dictionary, into output: inout [UInt8])
}

extension PageValues {
    /// Drops the last `count` values; used only to roll back a list cell.
    mutating func removeLast(_ count: Int) {
        for _ in 0..<count { removeLast() }
    }
}
