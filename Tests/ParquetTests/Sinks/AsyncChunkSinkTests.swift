import Parquet
import ParquetFormat
import Testing

/// The async sink under stress: one consumer, failures and cancellation reaching the
/// other side promptly, and memory bounded by `maxBufferedChunks` even while a whole
/// row group is flushed at once.
@Suite struct AsyncChunkSinkTests {
    static func collect(_ sink: AsyncChunkSink) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in sink.chunks { bytes += chunk }
        return bytes
    }

    /// A writer of one INT64 and one string column into `sink`.
    static func writer(_ sink: AsyncChunkSink, rowGroupRows: Int = 1 << 20) throws -> ParquetWriter<AsyncChunkSink> {
        var options = WriterOptions()
        options.compression = .uncompressed
        options.maxRowGroupRows = rowGroupRows
        return try ParquetWriter(
            schema: try Schema([Column("id", .int64, .required), Column("text", .string)]), sink: sink, options: options
        )
    }

    static func appendRow(_ writer: ParquetWriter<AsyncChunkSink>, _ row: Int) throws {
        try writer.append(Int64(row))
        try writer.append("row \(row) " + String(repeating: "x", count: row % 97))
    }

    @Test func aSecondConsumerGetsAClearError() async throws {
        let sink = AsyncChunkSink(chunkSize: 16, maxBufferedChunks: 2)
        var first = sink.chunks.makeAsyncIterator()
        var second = sink.chunks.makeAsyncIterator()
        try [UInt8](repeating: 7, count: 40).withUnsafeBytes { try sink.write($0) }
        try sink.close()
        await #expect(throws: SinkError.secondConsumer) { _ = try await second.next() }
        // The first consumer is unaffected and reads everything.
        var total = 0
        while let chunk = try await first.next() { total += chunk.count }
        #expect(total == 40)
    }

    @Test func aWriterErrorEndsTheConsumer() async throws {
        let sink = AsyncChunkSink(chunkSize: 64, maxBufferedChunks: 2)
        let consumer = Task { try await Self.collect(sink) }
        let writer = try Self.writer(sink, rowGroupRows: 10)
        for row in 0..<25 {
            try Self.appendRow(writer, row)
            try await writer.endRowWaitingForDemand()
        }
        // The producer gives up halfway: the consumer must not wait for ever.
        struct Abandoned: Error {}
        sink.fail(Abandoned())
        await #expect(throws: Abandoned.self) { _ = try await consumer.value }
        #expect(throws: ParquetWriterError.self) { try writer.finish() }
    }

    @Test func aRejectedRowDoesNotEndTheConsumer() async throws {
        let sink = AsyncChunkSink(chunkSize: 64, maxBufferedChunks: 2)
        let consumer = Task { try await Self.collect(sink) }
        let writer = try Self.writer(sink, rowGroupRows: 10)
        try writer.append(Int64(1))
        // A missing cell is refused and rolled back; the stream goes on.
        await #expect(throws: ParquetWriterError.self) { try await writer.endRowWaitingForDemand() }
        for row in 0..<30 {
            try Self.appendRow(writer, row)
            try await writer.endRowWaitingForDemand()
        }
        try writer.finishStreaming()
        let file = try await consumer.value
        #expect(Array(file.suffix(4)) == Array("PAR1".utf8))
    }

    // The limit counts the time this test waits for a thread of the shared pool while the
    // suite's synchronous tests hold it, which under ThreadSanitizer on two cores is the
    // whole run (191 s in one CI run): it is set to catch a hang, not to time the test.
    @Test(.timeLimit(.minutes(10)))
    func aCancelledConsumerStopsTheProducer() async throws {
        let sink = AsyncChunkSink(chunkSize: 256, maxBufferedChunks: 1)
        let consumer = Task {
            var iterator = sink.chunks.makeAsyncIterator()
            _ = try await iterator.next()
            // Then wait for ever, until cancelled.
            try await Task.sleep(for: .seconds(3600))
        }
        let writer = try Self.writer(sink, rowGroupRows: 20)
        let producer = Task {
            for row in 0..<1_000_000 {
                try Self.appendRow(writer, row)
                try await writer.endRowWaitingForDemand()
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        consumer.cancel()
        await #expect(throws: SinkError.consumerCancelled) { try await producer.value }
        // No wall-clock bound here: the suite runs in parallel on few cores (and slower under
        // the sanitizers), so the test's time limit is what catches a producer that hangs.
    }

    /// A consumer 100 times slower than the producer, and row groups far larger than
    /// the buffer: memory stays within (maxBufferedChunks + 1) chunks and the spill
    /// file's buffer, the rest of a flushed row group waiting in that file, and the file
    /// arrives whole.
    @Test func slowConsumerKeepsMemoryBounded() async throws {
        let chunkSize = 4096
        let maxBufferedChunks = 3
        let sink = AsyncChunkSink(chunkSize: chunkSize, maxBufferedChunks: maxBufferedChunks)
        let consumer = Task {
            var bytes: [UInt8] = []
            for try await chunk in sink.chunks {
                bytes += chunk
                try await Task.sleep(for: .microseconds(500))
            }
            return bytes
        }
        let writer = try Self.writer(sink, rowGroupRows: 5_000)
        let rows = 20_000
        var largestBacklog = 0
        for row in 0..<rows {
            try Self.appendRow(writer, row)
            try await writer.endRowWaitingForDemand()
            largestBacklog = max(largestBacklog, sink.bufferedByteCount)
        }
        try writer.finishStreaming()
        let file = try await consumer.value
        // Each row group is about 60 chunks: the flush really outran the consumer.
        #expect(file.count > 4 * 40 * chunkSize)
        // Queued chunks and the one being filled, plus the spill file's buffer (one chunk here).
        #expect(sink.peakMemoryByteCount <= (maxBufferedChunks + 2) * chunkSize, "peak \(sink.peakMemoryByteCount)")
        // Between rows, the producer never runs ahead by more than the buffer.
        #expect(largestBacklog <= (maxBufferedChunks + 1) * chunkSize, "backlog \(largestBacklog)")
        let footerLength = Int(file[file.count - 8]) | Int(file[file.count - 7]) << 8 | Int(file[file.count - 6]) << 16
        let metadata = try FileMetaData.decode(Array(file[(file.count - 8 - footerLength)..<(file.count - 8)]))
        #expect(metadata.numRows == Int64(rows) && metadata.rowGroups.count == 4)
    }
}
