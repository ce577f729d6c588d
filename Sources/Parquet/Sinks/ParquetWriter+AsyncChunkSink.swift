/// Back-pressure for writers that stream into an `AsyncChunkSink`.
extension ParquetWriter where Sink == AsyncChunkSink {
    /// Completes the row like `endRow()`, then suspends while the consumer is
    /// behind. Rows are buffered anyway until their row group closes, so a row that
    /// does not close a row group returns without suspending.
    public func endRowWaitingForDemand() async throws {
        try endRow()
        try await sink.waitForDemand()
    }

}
