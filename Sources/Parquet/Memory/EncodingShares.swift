/// The encoded pages' share of the memory limit, split among the encoding threads.
struct EncodingShares: Equatable {
    /// 1 when pages are encoded on the appending thread.
    let threadCount: Int
    /// Encoded pages a thread keeps in memory before it spills its columns' pages.
    let encodedPagesPerThread: Int
    /// Bytes of closed pages (raw values and levels) waiting for a thread: the
    /// appending thread waits rather than queue more.
    let queuedPageBytesPerThread: Int
}
