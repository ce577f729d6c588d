import Synchronization

/// A sink whose bytes are read as an `AsyncSequence` of chunks, for streaming a
/// file into an HTTP response or upload while it is written.
///
/// The writer side is synchronous; back-pressure comes from `waitForDemand()`,
/// which suspends the producer while more than `maxBufferedChunks` chunks wait for
/// the consumer. `ParquetWriter.endRowWaitingForDemand()` calls it for you.
public final class AsyncChunkSink: ByteSink, Sendable {
    /// The chunks, in file order. Iterate it once.
    public var chunks: ChunkSequence { ChunkSequence(sink: self) }
    private let state: Mutex<ChunkChannelState>
    private let chunkSize: Int
    private let maxBufferedChunks: Int

    /// - Parameters:
    ///   - chunkSize: bytes per chunk (the last one may be shorter).
    ///   - maxBufferedChunks: how many full chunks may wait for the consumer before
    ///     `waitForDemand()` suspends the producer.
    public init(chunkSize: Int = 1 << 20, maxBufferedChunks: Int = 4) {
        let state = Mutex(ChunkChannelState())
        self.state = state
        self.chunkSize = max(1, chunkSize)
        self.maxBufferedChunks = max(1, maxBufferedChunks)
    }

    /// Adds bytes to the current chunk; waits while `maxBufferedChunks` chunks are unread.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        var remaining = bytes
        while !remaining.isEmpty {
            let resumed: CheckedContinuation<[UInt8]?, any Error>?
            let chunk: [UInt8]?
            (resumed, chunk) = try state.withLock { state throws -> (CheckedContinuation<[UInt8]?, any Error>?, [UInt8]?) in
                if state.cancelled { throw SinkError.consumerCancelled }
                guard !state.finished else { throw SinkError.closed }
                let room = chunkSize - state.current.count
                let taken = min(room, remaining.count)
                state.current.append(contentsOf: UnsafeRawBufferPointer(rebasing: remaining[..<taken]))
                remaining = UnsafeRawBufferPointer(rebasing: remaining[taken...])
                guard state.current.count == chunkSize else { return (nil, nil) }
                let full = state.current
                state.current = []
                state.current.reserveCapacity(chunkSize)
                return state.deliver(full)
            }
            resumed?.resume(returning: chunk)
        }
    }

    /// Sends the last partial chunk and ends the sequence.
    public func close() throws {
        let (resumed, chunk) = try state.withLock { state throws -> (CheckedContinuation<[UInt8]?, any Error>?, [UInt8]?) in
            if state.cancelled { throw SinkError.consumerCancelled }
            guard !state.finished else { throw SinkError.closed }
            state.finished = true
            guard !state.current.isEmpty else {
                defer { state.consumer = nil }
                return (state.consumer, nil)
            }
            let last = state.current
            state.current = []
            return state.deliver(last)
        }
        resumed?.resume(returning: chunk)
    }

    /// Ends the sequence with `error`, for a producer that gives up: the consumer's
    /// next `next()` throws it instead of returning a truncated file's last chunk.
    public func fail(_ error: any Error) {
        let resumed = state.withLock { state -> CheckedContinuation<[UInt8]?, any Error>? in
            state.finished = true
            state.failure = error
            state.queue.removeAll()
            defer { state.consumer = nil }
            return state.consumer
        }
        resumed?.resume(throwing: error)
    }

    /// Suspends while more than `maxBufferedChunks` chunks wait for the consumer.
    /// Throws `SinkError.consumerCancelled` when the consumer has gone away.
    public func waitForDemand() async throws {
        while true {
            let mustWait = try state.withLock { state throws -> Bool in
                if state.cancelled { throw SinkError.consumerCancelled }
                return state.queue.count > maxBufferedChunks
            }
            guard mustWait else { return }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    guard state.queue.count > maxBufferedChunks, !state.cancelled else { return true }
                    state.producer = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
    }

    /// Bytes written but not yet taken by the consumer.
    public var bufferedByteCount: Int {
        state.withLock { state in state.queue.reduce(state.current.count) { $0 + $1.count } }
    }

    fileprivate func next() async throws -> [UInt8]? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[UInt8]?, any Error>) in
                let (result, producer) = state.withLock { state -> (Result<[UInt8]?, any Error>?, CheckedContinuation<Void, Never>?) in
                    if !state.queue.isEmpty {
                        let chunk = state.queue.removeFirst()
                        defer { state.producer = nil }
                        return (.success(chunk), state.queue.count <= maxBufferedChunks ? state.producer : nil)
                    }
                    if let failure = state.failure { return (.failure(failure), nil) }
                    if state.finished || state.cancelled { return (.success(nil), nil) }
                    state.consumer = continuation
                    return (nil, nil)
                }
                producer?.resume()
                if let result { continuation.resume(with: result) }
            }
        } onCancel: {
            cancel()
        }
    }

    /// Marks the consumer gone: the producer's next write or wait throws.
    fileprivate func cancel() {
        let (consumer, producer) = state.withLock { state in
            state.cancelled = true
            state.queue.removeAll()
            defer {
                state.consumer = nil
                state.producer = nil
            }
            return (state.consumer, state.producer)
        }
        consumer?.resume(returning: nil)
        producer?.resume()
    }
}

/// The chunks of an `AsyncChunkSink`.
public struct ChunkSequence: AsyncSequence, Sendable {
    /// A chunk of the file.
    public typealias Element = [UInt8]
    fileprivate let sink: AsyncChunkSink

    /// An iterator over the chunks; the sequence is meant to be iterated once.
    public func makeAsyncIterator() -> Iterator { Iterator(sink: sink) }

    /// Waits for each chunk the writer produces.
    public struct Iterator: AsyncIteratorProtocol {
        fileprivate let sink: AsyncChunkSink

        /// The next chunk, nil after the last, or the error the sink was failed with.
        public mutating func next() async throws -> [UInt8]? {
            try await sink.next()
        }
    }
}

/// What producer and consumer share, guarded by the sink's mutex.
private struct ChunkChannelState: ~Copyable {
    var current: [UInt8] = []
    var queue: [[UInt8]] = []
    var finished = false
    var cancelled = false
    var failure: (any Error)?
    var consumer: CheckedContinuation<[UInt8]?, any Error>?
    var producer: CheckedContinuation<Void, Never>?

    /// Hands `chunk` to a waiting consumer, or queues it.
    mutating func deliver(_ chunk: [UInt8]) -> (CheckedContinuation<[UInt8]?, any Error>?, [UInt8]?) {
        if let consumer {
            self.consumer = nil
            return (consumer, chunk)
        }
        queue.append(chunk)
        return (nil, nil)
    }
}
