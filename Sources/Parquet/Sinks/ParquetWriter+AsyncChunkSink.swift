/// Back-pressure and failure propagation for writers that stream into an `AsyncChunkSink`.
extension ParquetWriter where Sink == AsyncChunkSink {
    /// Completes the row like `endRow()`, then suspends while the consumer is
    /// behind. Rows are buffered anyway until their row group closes, so a row that
    /// does not close a row group returns without suspending.
    ///
    /// An error that closes the writer (the row group could not be written) also ends
    /// the consumer's sequence with that error; a rejected row does not, since the
    /// writer goes on.
    public func endRowWaitingForDemand() async throws {
        do {
            try endRow()
        } catch {
            if !isOpen { sink.fail(error) }
            throw error
        }
        try await sink.waitForDemand()
    }

    /// Finishes the file like `finish()`; if that fails, the consumer's sequence ends
    /// with the same error instead of waiting for bytes that will not come.
    public func finishStreaming() throws {
        do {
            try finish()
        } catch {
            sink.fail(error)
            throw error
        }
    }
}
