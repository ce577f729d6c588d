/// Where a writer's bytes go. Sinks only ever append: a Parquet file is written
/// front to back and nothing is revisited, so a sink never needs to seek.
public protocol ByteSink: AnyObject {
    /// Takes `bytes`, which are only valid during the call.
    func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Called once, after the last byte of a complete file.
    func close() throws
}
