import Foundation
import ParquetFormat
import Synchronization
import Testing

@testable import Parquet

/// `WriterOptions.encodingThreadCount`: pages encoded on worker threads give the same
/// bytes as pages encoded on the appending thread, for every option that changes how
/// pages are encoded; a failure on a worker drops only the open row group; the memory
/// limit decides how many threads a writer gets.
@Suite struct EncodingThreadsTests {
    static let threadCounts = [1, 2, 5]

    @Test(arguments: [
        "defaults", "small pages, v2, plain, gzip", "small row-group target, dictionary, checksums, bloom filter",
        "memory limit so small that pages spill",
    ])
    func theBytesDoNotDependOnTheThreadCount(optionSet: String) throws {
        let schema = try Schema(ColumnarBatchTests.testColumns.map(\.column))
        var reference: [UInt8]?
        for threads in Self.threadCounts {
            var options = ColumnarBatchTests.options(optionSet, schema: schema)
            options.encodingThreadCount = threads
            let rowByRow = try ColumnarBatchTests.writeRowByRow(schema, options).bytes
            if let reference {
                #expect(rowByRow.elementsEqual(reference), "\(threads) threads write the bytes of one")
            } else {
                reference = rowByRow
            }
        }
        // Batches on the most threads; ColumnarBatchTests compares batches with rows on the
        // default count, and ThreadSanitizer makes each further file cost seconds.
        var options = ColumnarBatchTests.options(optionSet, schema: schema)
        options.encodingThreadCount = Self.threadCounts.max()!
        let batched = try ColumnarBatchTests.writeInBatches(schema, options).bytes
        #expect(batched.elementsEqual(try #require(reference)), "batches on \(options.encodingThreadCount) threads")
        let metadata = try FooterReader.metadata(of: try #require(reference))
        #expect(metadata.numRows == Int64(ColumnarBatchTests.rows))
    }

    /// Lists and lists of lists, whose pages close on list boundaries, across threads.
    /// A job that only notes that it ran.
    final class NotedJob: EncodingJob {
        let memoryByteCount: Int
        private let runs = Mutex(0)
        init(memoryByteCount: Int) { self.memoryByteCount = memoryByteCount }
        var rawByteCount: Int { memoryByteCount }
        var runCount: Int { runs.withLock { $0 } }
        func run(in workspace: PageWorkspace) throws(ParquetWriterError) -> EncodedGrowth {
            runs.withLock { $0 += 1 }
            return EncodedGrowth()
        }
        func release() {}
    }

    /// An encoding thread sleeps until a quarter of its queue limit waits. With a small
    /// job queued (under the quarter, so the thread sleeps on), a job that does not fit
    /// beside it wakes the thread before waiting for room, rather than waiting forever.
    @Test func aJobThatDoesNotFitWakesTheThreadItWaitsFor() throws {
        let worker = EncodingWorker(
            workspace: PageWorkspace(), spillFile: SpillFile(directory: nil, bufferSize: 4_096),
            encodedPagesLimit: 1 << 20)
        worker.start()
        defer { worker.stop() }
        let queueLimit = 1_000
        let first = NotedJob(memoryByteCount: 10)
        #expect(worker.submit(first, queueLimit: queueLimit) == nil)
        #expect(worker.waitUntilDone(1) == nil)
        // Time for the thread to go back to sleep with its queue empty.
        Thread.sleep(forTimeInterval: 0.05)
        let small = NotedJob(memoryByteCount: queueLimit / 10)
        let large = NotedJob(memoryByteCount: queueLimit * 95 / 100)
        #expect(worker.submit(small, queueLimit: queueLimit) == nil)
        #expect(worker.submit(large, queueLimit: queueLimit) == nil)
        #expect(worker.waitUntilDone(3) == nil)
        #expect([first, small, large].map(\.runCount) == [1, 1, 1])
    }

    @Test func listColumnsGiveTheSameBytesOnEveryThreadCount() throws {
        let columns =
            TestColumn.everyType(.optional).map { ListInteropTests.variableLengthList(of: $0) }
            + [ListInteropTests.listOfLists(), ListInteropTests.requiredListOfLists()]
        let schema = try Schema(columns.map(\.column))
        var outputs: [[UInt8]] = []
        for threads in Self.threadCounts {
            var options = WriterOptions()
            options.dataPageRowLimit = 97
            options.maxRowGroupRows = 1_500
            options.compression = .zstd(level: 3)
            // Room for five workspaces sized for 1 MiB pages.
            options.memoryLimit = 256 << 20
            options.encodingThreadCount = threads
            let sink = MemorySink()
            let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
            #expect(writer.encodingThreadCount == threads)
            // LIST cells go to their columns as they come: no block to move elsewhere.
            #expect(writer.flusher == nil)
            for row in 0..<4_000 {
                for column in columns { try column.append(writer, row) }
                try writer.endRow()
            }
            try writer.close()
            outputs.append(sink.bytes)
        }
        #expect(Set(outputs).count == 1)
        #expect(try FooterReader.metadata(of: outputs[0]).rowGroups.count == 3)
    }

    /// Spilling on several threads: each spills its own columns to its own file, and the
    /// row group is assembled from all of them in column order.
    @Test func pagesSpilledByEveryThreadComeBackInColumnOrder() throws {
        let doubles = 60
        let booleans = 20
        let strings = 4
        let schema = try MemoryBudgetTests.wideSchema(doubles: doubles, booleans: booleans, strings: strings)
        func write(threads: Int, memoryLimit: Int) throws -> (bytes: [UInt8], spilled: Int64, threads: Int) {
            // Pages and dictionaries below the shares of either limit, so that only spilling differs.
            var options = WriterOptions()
            options.dataPageSizeLimit = 4 << 10
            options.dataPageRowLimit = 1_000
            options.encoding = .plain
            options.memoryLimit = memoryLimit
            options.encodingThreadCount = threads
            let sink = MemorySink()
            let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
            for row in 0..<12_000 {
                try MemoryBudgetTests.appendWideRow(
                    writer, row: row, doubles: doubles, booleans: booleans, strings: strings)
            }
            let spilled = writer.totalBytesSpilled
            let threadCount = writer.encodingThreadCount
            try writer.close()
            return (sink.bytes, spilled, threadCount)
        }
        let inMemory = try write(threads: 1, memoryLimit: 512 << 20)
        #expect(inMemory.spilled == 0)
        let spilled = try write(threads: 3, memoryLimit: 6 << 20)
        #expect(spilled.threads == 3)
        #expect(spilled.spilled > 0)
        #expect(spilled.bytes.elementsEqual(inMemory.bytes))
    }

    /// A limit too small for a thread's workspace, codec context and spill buffer on top
    /// of the encoded pages' floor gets fewer threads, down to the appending thread.
    @Test func theMemoryLimitDecidesHowManyThreadsAWriterGets() throws {
        let schema = try MemoryBudgetTests.wideSchema(doubles: 400, booleans: 100, strings: 10)
        var options = WriterOptions()
        options.encodingThreadCount = 4
        options.memoryLimit = MemoryBudgetTests.minimumLimit(schema, options)
        let smallest = try ParquetWriter(schema: schema, sink: MemorySink(), options: options)
        #expect(smallest.encodingThreadCount == 1)
        // Staged blocks still move on a thread of their own, which encodes their pages.
        #expect(smallest.flusher != nil)
        options.memoryLimit = 256 << 20
        let roomy = try ParquetWriter(schema: schema, sink: MemorySink(), options: options)
        #expect(roomy.encodingThreadCount == 4)
        let shares = try #require(roomy.memoryPlan.encodingShares(threadCount: 4))
        let plan = roomy.memoryPlan
        // What the threads add comes out of the encoded pages' share: the total stays within the plan's.
        let perThread = plan.workspaceByteCount + plan.codecReserve + plan.spillBufferSize
        #expect(
            3 * perThread + 4 * (shares.encodedPagesPerThread + shares.queuedPageBytesPerThread)
                <= plan.encodedPagesMemoryLimit)
    }

    /// When the limit leaves one encoding workspace, the flusher's thread encodes the
    /// pages, and the bytes are those of one thread.
    @Test func aFlusherThatEncodesItselfWritesTheBytesOfOneThread() throws {
        let schema = try MemoryBudgetTests.wideSchema(doubles: 40, booleans: 20, strings: 2)
        var outputs: [[UInt8]] = []
        for threads in [1, 4] {
            var options = WriterOptions()
            options.encodingThreadCount = threads
            options.dataPageRowLimit = 300
            options.memoryLimit = MemoryBudgetTests.minimumLimit(schema, options)
            let sink = MemorySink()
            let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
            #expect(writer.encodingThreadCount == 1)
            #expect((writer.flusher != nil) == (threads > 1))
            for row in 0..<5_000 {
                try MemoryBudgetTests.appendWideRow(writer, row: row, doubles: 40, booleans: 20, strings: 2)
            }
            #expect(try writer.close().numRows == 5_000)
            outputs.append(sink.bytes)
        }
        #expect(outputs[0].elementsEqual(outputs[1]))
    }

    @Test(arguments: [0, WriterOptions.maxEncodingThreadCount + 1])
    func aThreadCountOutsideItsRangeIsRefused(threads: Int) throws {
        var options = WriterOptions()
        options.encodingThreadCount = threads
        #expect(throws: ParquetWriterError.self) {
            _ = try ParquetWriter(schema: try Schema([Column("x", .int64)]), sink: MemorySink(), options: options)
        }
        #expect(WriterOptions().encodingThreadCount == WriterOptions.processorCount)
    }

    /// A spill that fails on a worker thread is thrown from a later append or from the
    /// row group's close; the open row group is dropped and the file still closes.
    @Test func aSpillFailingOnAWorkerDropsOnlyTheOpenRowGroup() throws {
        let doubles = 60
        let schema = try MemoryBudgetTests.wideSchema(doubles: doubles, booleans: 0, strings: 0)
        var options = WriterOptions()
        options.memoryLimit = 7 << 20
        options.encodingThreadCount = 3
        options.maxRowGroupRows = 10_000
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
        #expect(writer.encodingThreadCount == 3)
        // Staged blocks move on the flusher's thread, which meets the failure first.
        #expect(writer.flusher != nil)
        for row in 0..<10_000 {
            try MemoryBudgetTests.appendWideRow(writer, row: row, doubles: doubles, booleans: 0, strings: 0)
        }
        writer.setSpillCapacityForTesting(0)
        var failure: ParquetWriterError?
        for row in 10_000..<20_000 {
            do {
                try MemoryBudgetTests.appendWideRow(writer, row: row, doubles: doubles, booleans: 0, strings: 0)
            } catch {
                failure = error as? ParquetWriterError
                break
            }
        }
        guard case .spillFailed = failure else {
            Issue.record("expected spillFailed, got \(String(describing: failure))")
            return
        }
        #expect(writer.rowCount == 10_000)
        writer.setSpillCapacityForTesting(nil)
        for row in 10_000..<10_500 {
            try MemoryBudgetTests.appendWideRow(writer, row: row, doubles: doubles, booleans: 0, strings: 0)
        }
        let metadata = try writer.close()
        #expect(metadata.numRows == 10_500)
        #expect(metadata.rowGroups.map(\.numRows) == [10_000, 500])
    }

    /// A writer dropped in the middle of a file stops its threads and frees its queued pages.
    @Test func aWriterDroppedMidFileStopsItsThreads() throws {
        let schema = try MemoryBudgetTests.wideSchema(doubles: 30, booleans: 10, strings: 2)
        for _ in 0..<20 {
            var options = WriterOptions()
            options.encodingThreadCount = 4
            options.dataPageRowLimit = 50
            let writer = try ParquetWriter(schema: schema, sink: MemorySink(), options: options)
            for row in 0..<2_000 {
                try MemoryBudgetTests.appendWideRow(writer, row: row, doubles: 30, booleans: 10, strings: 2)
            }
            #expect(writer.rowCount == 2_000)
        }
    }
}
