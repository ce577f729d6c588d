#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sink whose bytes are read as an `AsyncSequence` of chunks, for streaming a
/// file into an HTTP response or upload while it is written.
///
/// The writer side is synchronous; back-pressure comes from `waitForDemand()`,
/// which suspends the producer while more than `maxBufferedChunks` chunks wait for
/// the consumer. `ParquetWriter.endRowWaitingForDemand()` calls it for you.
///
/// A row-group flush writes a whole row group at once, between two chances to
/// wait. So that memory stays bounded then too, chunks beyond `maxBufferedChunks`
/// go to an anonymous temporary file (the writer's spill file) until the consumer
/// catches up: the sink holds at most `(maxBufferedChunks + 1) × chunkSize` bytes in
/// memory, plus that file's buffer of min(chunkSize, 64 KiB).
///
/// There is one consumer: a second iterator's `next()` throws
/// `SinkError.secondConsumer`. If the consumer's task is cancelled, the producer's
/// next write or wait throws `SinkError.consumerCancelled`; if the producer calls
/// `fail(_:)` (the writer's streaming methods do on a fatal error), the consumer's
/// next `next()` throws that error.
public final class AsyncChunkSink: ByteSink, Sendable {
    /// The chunks, in file order. Iterate it once.
    public var chunks: ChunkSequence { ChunkSequence(sink: self) }
    private let state: PthreadLocked<ChunkChannelState>
    private let chunkSize: Int
    private let maxBufferedChunks: Int
    /// The I/O buffer of the file that holds chunks beyond `maxBufferedChunks`.
    private var spillBufferSize: Int { min(chunkSize, 64 << 10) }

    /// - Parameters:
    ///   - chunkSize: bytes per chunk (the last one may be shorter).
    ///   - maxBufferedChunks: how many full chunks may wait for the consumer in memory;
    ///     `waitForDemand()` suspends the producer while more are waiting.
    public init(chunkSize: Int = 1 << 20, maxBufferedChunks: Int = 4) {
        state = PthreadLocked(ChunkChannelState())
        self.chunkSize = max(1, chunkSize)
        self.maxBufferedChunks = max(1, maxBufferedChunks)
    }

    /// Adds bytes to the current chunk; waits while `maxBufferedChunks` chunks are unread.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        var remaining = bytes
        while !remaining.isEmpty {
            let resumed: CheckedContinuation<[UInt8]?, any Error>?
            let chunk: [UInt8]?
            (resumed, chunk) = try state.withLock {
                state throws -> (CheckedContinuation<[UInt8]?, any Error>?, [UInt8]?) in
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
                return try state.deliver(full, memoryLimit: maxBufferedChunks, spillBufferSize: spillBufferSize)
            }
            resumed?.resume(returning: chunk)
        }
    }

    /// Sends the last partial chunk and ends the sequence.
    public func close() throws {
        let (resumed, chunk) = try state.withLock {
            state throws -> (CheckedContinuation<[UInt8]?, any Error>?, [UInt8]?) in
            if state.cancelled { throw SinkError.consumerCancelled }
            guard !state.finished else { throw SinkError.closed }
            state.finished = true
            guard !state.current.isEmpty else {
                defer { state.consumer = nil }
                return (state.consumer, nil)
            }
            let last = state.current
            state.current = []
            return try state.deliver(last, memoryLimit: maxBufferedChunks, spillBufferSize: spillBufferSize)
        }
        resumed?.resume(returning: chunk)
    }

    /// Ends the sequence with `error`, for a producer that gives up: the consumer's
    /// next `next()` throws it instead of returning a truncated file's last chunk.
    /// After `close()` or an earlier `fail`, it does nothing.
    public func fail(_ error: any Error) {
        let resumed = state.withLock { state -> CheckedContinuation<[UInt8]?, any Error>? in
            guard !state.finished else { return nil }
            state.finished = true
            state.failure = error
            state.discardBacklog()
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
                return state.backlogCount > maxBufferedChunks
            }
            guard mustWait else { return }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    guard state.backlogCount > maxBufferedChunks, !state.cancelled else { return true }
                    state.producer = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
    }

    /// Bytes written but not yet taken by the consumer, in memory or in the temporary file.
    public var bufferedByteCount: Int {
        state.withLock { state in state.memoryByteCount + (state.spill?.byteCount ?? 0) }
    }

    /// The most bytes the sink has held in memory at once.
    public var peakMemoryByteCount: Int {
        state.withLock { $0.peakMemoryByteCount }
    }

    fileprivate func claimIterator() -> Int {
        state.withLock { state in
            state.iteratorsMade += 1
            return state.iteratorsMade
        }
    }

    fileprivate func next(iterator: Int) async throws -> [UInt8]? {
        guard iterator == 1 else { throw SinkError.secondConsumer }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[UInt8]?, any Error>) in
                let (result, producer) = state.withLock {
                    state -> (Result<[UInt8]?, any Error>?, CheckedContinuation<Void, Never>?) in
                    do {
                        if let chunk = try state.takeOldest() {
                            // The producer waits until the backlog is down to the limit, not before.
                            guard state.backlogCount <= maxBufferedChunks, let producer = state.producer else {
                                return (.success(chunk), nil)
                            }
                            state.producer = nil
                            return (.success(chunk), producer)
                        }
                    } catch {
                        return (.failure(error), nil)
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

    /// Marks the consumer gone: the producer's next write or wait throws. After the
    /// file ended (closed or failed), there is nothing to stop.
    fileprivate func cancel() {
        let (consumer, producer) = state.withLock {
            state -> (CheckedContinuation<[UInt8]?, any Error>?, CheckedContinuation<Void, Never>?) in
            guard !state.finished || state.backlogCount > 0 else { return (nil, nil) }
            state.cancelled = true
            state.discardBacklog()
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

    /// The first iterator made reads the chunks; any other throws `SinkError.secondConsumer`.
    /// When the first one is dropped, the consumer counts as gone, even if it was not
    /// waiting in `next()` (a cancelled task that was busy elsewhere).
    public func makeAsyncIterator() -> Iterator {
        Iterator(consumer: Consumer(sink: sink, ordinal: sink.claimIterator()))
    }

    /// Waits for each chunk the writer produces.
    public struct Iterator: AsyncIteratorProtocol {
        fileprivate let consumer: Consumer

        /// The next chunk, nil after the last, or the error the sink was failed with.
        public mutating func next() async throws -> [UInt8]? {
            try await consumer.sink.next(iterator: consumer.ordinal)
        }
    }

    /// One iterator's claim on the chunks; the consumer's going away ends the producer's waits.
    fileprivate final class Consumer: Sendable {
        let sink: AsyncChunkSink
        let ordinal: Int

        init(sink: AsyncChunkSink, ordinal: Int) {
            self.sink = sink
            self.ordinal = ordinal
        }

        deinit {
            if ordinal == 1 { sink.cancel() }
        }
    }
}

/// What producer and consumer share, guarded by the sink's lock.
private struct ChunkChannelState: ~Copyable {
    var current: [UInt8] = []
    /// The oldest waiting chunks, in memory.
    var queue: [[UInt8]] = []
    /// The newer waiting chunks, once the queue is full.
    var spill: ChunkSpill?
    var finished = false
    var cancelled = false
    var failure: (any Error)?
    var consumer: CheckedContinuation<[UInt8]?, any Error>?
    var producer: CheckedContinuation<Void, Never>?
    var iteratorsMade = 0
    var memoryByteCount = 0
    var peakMemoryByteCount = 0

    var backlogCount: Int { queue.count + (spill?.chunkCount ?? 0) }

    /// Hands `chunk` to a waiting consumer, or queues it: in memory while fewer than
    /// `memoryLimit` chunks wait there and none wait in the file, else in the file.
    mutating func deliver(_ chunk: [UInt8], memoryLimit: Int, spillBufferSize: Int) throws -> (
        CheckedContinuation<[UInt8]?, any Error>?, [UInt8]?
    ) {
        if let consumer {
            self.consumer = nil
            return (consumer, chunk)
        }
        if queue.count < memoryLimit && (spill?.chunkCount ?? 0) == 0 {
            queue.append(chunk)
            memoryByteCount += chunk.count
        } else {
            if spill == nil { spill = ChunkSpill(bufferSize: spillBufferSize) }
            try spill!.append(chunk)
        }
        peakMemoryByteCount = max(peakMemoryByteCount, memoryByteCount + current.count + (spill?.heldByteCount ?? 0))
        return (nil, nil)
    }

    /// The oldest waiting chunk, or nil when none waits.
    mutating func takeOldest() throws -> [UInt8]? {
        if !queue.isEmpty {
            let chunk = queue.removeFirst()
            memoryByteCount -= chunk.count
            return chunk
        }
        return try spill?.takeOldest()
    }

    mutating func discardBacklog() {
        queue.removeAll()
        memoryByteCount = 0
        spill = nil
    }
}

/// The newer waiting chunks, in a writer spill file (anonymous, removed by the system),
/// read back oldest first.
private final class ChunkSpill {
    private let file: SpillFile
    private var segments: [SpillSegment] = []
    private var first = 0
    private(set) var byteCount = 0

    init(bufferSize: Int) {
        file = SpillFile(directory: nil, bufferSize: bufferSize)
    }

    deinit {
        file.release()
    }

    var chunkCount: Int { segments.count - first }
    /// The spill file's I/O buffer, while it is allocated.
    var heldByteCount: Int { file.heldByteCount }

    func append(_ chunk: [UInt8]) throws(ParquetWriterError) {
        let segment = chunk.withUnsafeBytes { bytes in
            Result { () throws(ParquetWriterError) in try file.append(bytes) }
        }
        segments.append(try segment.get())
        byteCount += chunk.count
    }

    func takeOldest() throws(ParquetWriterError) -> [UInt8]? {
        guard chunkCount > 0 else { return nil }
        let segment = segments[first]
        var chunk: [UInt8] = []
        chunk.reserveCapacity(segment.length)
        try file.read(segment) { chunk.append(contentsOf: $0) }
        first += 1
        byteCount -= segment.length
        if chunkCount == 0 {
            // Drained: start the file over.
            segments.removeAll(keepingCapacity: true)
            first = 0
            file.reset()
        }
        return chunk
    }
}
