/// Hands the columns' closed pages to encoding threads, each owning every
/// `threadCount`-th column, or encodes them on the appending thread when there is one.
///
/// The file's bytes do not depend on the thread count. A column's pages are encoded in
/// order by one thread, so its dictionary, statistics and pages are the same; where
/// pages close depends only on the open pages; and the row-group size estimate counts
/// encoded bytes only of pages closed before the previous estimate, which any thread
/// count has encoded by then (`rowGroupEstimate`).
final class PageEncoderPool {
    let shares: EncodingShares
    fileprivate let workers: [EncodingWorker]
    /// Jobs submitted to each worker since the row group began.
    private var submitted: [Int]
    /// `submitted` when the row-group size was last estimated.
    private var submittedAtEstimate: [Int]
    /// Raw bytes of the pages submitted since the last estimate.
    private var rawBytesSinceEstimate = 0

    /// Creates the workers (and starts their threads, if more than one) with a
    /// workspace each, whose compressors are created now so that a codec that cannot
    /// start fails when the writer is created.
    init(shares: EncodingShares, schema: Schema, options: WriterOptions, plan: WriterMemoryPlan)
        throws(ParquetWriterError)
    {
        self.shares = shares
        var workers: [EncodingWorker] = []
        for _ in 0..<shares.threadCount {
            let workspace = PageWorkspace()
            for descriptor in schema.descriptors {
                _ = try workspace.compressor(
                    for: options.resolvedCompression(descriptor.name), column: descriptor.name)
            }
            workers.append(
                EncodingWorker(
                    workspace: workspace,
                    spillFile: SpillFile(directory: options.spillDirectory, bufferSize: plan.spillBufferSize),
                    encodedPagesLimit: shares.encodedPagesPerThread))
        }
        self.workers = workers
        submitted = Array(repeating: 0, count: workers.count)
        submittedAtEstimate = submitted
        if workers.count > 1 {
            for worker in workers { worker.start() }
        }
    }

    deinit { stop() }

    /// Whether pages are encoded on the appending thread, as they are handed over.
    var isInline: Bool { workers.count == 1 }

    private func workerIndex(ofColumn column: Int) -> Int { column % workers.count }

    /// Gives each worker its columns' chunks, in column order, to spill.
    func assign(_ chunks: [any SpillableChunk]) {
        for (column, chunk) in chunks.enumerated() { workers[workerIndex(ofColumn: column)].chunks.append(chunk) }
    }

    /// The spill file holding the column's spilled pages.
    func spillFile(ofColumn column: Int) -> SpillFile { workers[workerIndex(ofColumn: column)].spillFile }

    /// Hands over `job`, a page of `column`; with one thread it runs now. Returns the
    /// open row group's failure, if a job has failed.
    func submit(_ job: any EncodingJob, column: Int) -> ParquetWriterError? {
        let index = workerIndex(ofColumn: column)
        let worker = workers[index]
        let rawByteCount = job.rawByteCount
        let failure: ParquetWriterError?
        if isInline {
            worker.run(CollectionOfOne(job))
            failure = worker.queue.withLock { $0.failure }
        } else {
            // A job refused after a failure never runs: it is not counted.
            failure = worker.submit(job, queueLimit: shares.queuedPageBytesPerThread)
            if failure != nil { return failure }
        }
        submitted[index] += 1
        rawBytesSinceEstimate += rawByteCount
        return failure
    }

    /// Waits until every submitted job is done. Returns the first failure of the row group.
    func waitUntilIdle() -> ParquetWriterError? {
        var failure: ParquetWriterError?
        for (index, worker) in workers.enumerated() {
            if let error = worker.waitUntilDone(submitted[index]), failure == nil { failure = error }
        }
        return failure
    }

    /// The open row group's encoded size as far as it can be known the same way whatever
    /// the thread count: encoded bytes of the pages submitted before the previous
    /// estimate (waiting for them, which rarely waits), plus raw bytes of the pages
    /// submitted since. The open pages are the caller's to add.
    func rowGroupEstimate() -> Int {
        var estimate = rawBytesSinceEstimate
        for (index, worker) in workers.enumerated() {
            estimate &+= worker.encodedTotal(afterJobs: submittedAtEstimate[index])
        }
        submittedAtEstimate = submitted
        rawBytesSinceEstimate = 0
        return estimate
    }

    /// Prepares for the next row group, once the pool is idle.
    func startNextRowGroup() {
        for worker in workers { worker.startNextRowGroup() }
        for index in submitted.indices {
            submitted[index] = 0
            submittedAtEstimate[index] = 0
        }
        rawBytesSinceEstimate = 0
    }

    /// Bytes the workers' workspaces and spill buffers hold, used or not; the pool is idle.
    var heldByteCount: Int {
        workers.reduce(0) { $0 + $1.workspace.heldByteCount + $1.spillFile.heldByteCount }
    }

    /// Gives back the workspaces and spill files, once the file is complete and the pool idle.
    func releaseStorage() {
        for worker in workers {
            worker.workspace.releaseStorage()
            worker.spillFile.release()
        }
    }

    /// Ends the threads; pages still queued are dropped.
    func stop() {
        guard !isInline else { return }
        for worker in workers { worker.stop() }
    }
}

// MARK: Spill files, as the writer's tests see them

extension PageEncoderPool {
    /// Bytes moved to the spill files over the writer's life; the pool is idle.
    var totalBytesSpilled: Int64 { workers.reduce(0) { $0 + $1.spillFile.totalBytesSpilled } }

    /// Sets every spill file's `capacityForTesting`; the pool is idle.
    func setSpillCapacityForTesting(_ capacity: Int64?) {
        for worker in workers { worker.spillFile.capacityForTesting = capacity }
    }
}
