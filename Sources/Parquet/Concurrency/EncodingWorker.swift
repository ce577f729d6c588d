import Foundation

/// An encoding thread and the columns it owns: it takes their closed pages in the
/// order they were handed over, encodes and compresses them with its own workspace,
/// and spills its columns' encoded pages to its own spill file once they pass its
/// share of the memory limit.
///
/// With one encoding thread the pool runs the same work on the appending thread, and
/// no thread is started.
final class EncodingWorker: @unchecked Sendable {
    // Safety: the mutable state has two parts. `queue` is only touched under its lock.
    // The rest (`workspace`, `spillFile`, `chunks`, the counters and `hasFailed`)
    // belongs to the thread running jobs: the worker's thread from the moment it takes
    // jobs out of the queue until it reports them done, under the lock; otherwise the
    // appending thread, which touches it only once every job it submitted is reported
    // done (`waitUntilDone`) and before it submits more. Each hand-over goes through
    // the queue's lock, which orders the accesses on either side of it.

    /// What the appending thread and the worker's thread share.
    struct Queue {
        var pending: [any EncodingJob] = []
        /// Jobs run since the row group began.
        var completedCount = 0
        /// After each completed job of the open row group, in order: the bytes of the
        /// encoded pages of this worker's columns so far.
        var encodedTotals: [Int] = []
        /// Bytes of the buffers of pages submitted and not yet run.
        var queuedMemory = 0
        /// The first error of the open row group; later jobs are released without running.
        var failure: ParquetWriterError?
        var stopping = false
    }

    let queue = PthreadLocked(Queue())
    let workspace: PageWorkspace
    let spillFile: SpillFile
    /// The columns this worker encodes, in column order: what it spills.
    var chunks: [any SpillableChunk] = []
    private let encodedPagesLimit: Int
    private var encodedInMemory = 0
    private var encodedTotal = 0
    private var hasFailed = false
    /// `encodedTotals` of the jobs being run, reported with them.
    private var runTotals: [Int] = []

    init(workspace: PageWorkspace, spillFile: SpillFile, encodedPagesLimit: Int) {
        self.workspace = workspace
        self.spillFile = spillFile
        self.encodedPagesLimit = encodedPagesLimit
    }

    /// Starts the worker's thread, which runs until `stop()`.
    func start() {
        let thread = Thread { [self] in runLoop() }
        thread.name = "parquet-encoder"
        thread.start()
    }

    private func runLoop() {
        var jobs: [any EncodingJob] = []
        while true {
            let stops = queue.withLock(waitingWhile: { $0.pending.isEmpty && !$0.stopping }) { queue in
                swap(&jobs, &queue.pending)
                return queue.stopping
            }
            if stops { return }
            run(jobs)
            jobs.removeAll(keepingCapacity: true)
        }
    }

    /// Runs `jobs` in order, then reports them done.
    func run<Jobs: Collection<any EncodingJob>>(_ jobs: Jobs) {
        var failure: ParquetWriterError?
        var memory = 0
        for job in jobs {
            if !hasFailed {
                do {
                    let growth = try job.run(in: workspace)
                    encodedTotal += growth.total
                    encodedInMemory += growth.inMemory
                    if encodedInMemory > encodedPagesLimit { try spillChunks() }
                } catch {
                    hasFailed = true
                    failure = error
                }
            }
            job.release()
            memory += job.memoryByteCount
            runTotals.append(encodedTotal)
        }
        queue.withLock { queue in
            queue.completedCount += jobs.count
            queue.encodedTotals.append(contentsOf: runTotals)
            queue.queuedMemory -= memory
            if queue.failure == nil { queue.failure = failure }
        }
        queue.broadcast()
        runTotals.removeAll(keepingCapacity: true)
    }

    /// Moves every encoded page this worker's columns hold in memory to its spill file,
    /// column by column, so each chunk's pages lie in long runs.
    private func spillChunks() throws(ParquetWriterError) {
        for chunk in chunks { try chunk.spillEncodedPages(to: spillFile) }
        encodedInMemory = 0
    }

    /// Queues `job`, first waiting while the queue holds `queueLimit` bytes of pages.
    /// Returns the row group's failure instead, releasing the job, once a job failed.
    ///
    /// The thread is woken only once a quarter of `queueLimit` waits: pages come a few
    /// at a time, and waking it for each cost a thread switch per page (thousands per
    /// second on a wide table) on cores the rows need. Whoever waits for jobs to be
    /// done wakes it first (`waitUntilDone`, `encodedTotal`), and a submitter whose page
    /// does not fit wakes it before waiting for room, so no page waits for a thread that sleeps.
    func submit(_ job: any EncodingJob, queueLimit: Int) -> ParquetWriterError? {
        let memory = job.memoryByteCount
        let isFull = { (queue: borrowing Queue) in
            queue.queuedMemory > 0 && queue.queuedMemory + memory > queueLimit && queue.failure == nil
        }
        // Jobs come from one thread at a time, so a queue with room now still has it below.
        if queue.withLock({ isFull($0) }) { queue.broadcast() }
        let (failure, wakes) = queue.withLock(waitingWhile: isFull) { queue -> (ParquetWriterError?, Bool) in
            if queue.failure == nil {
                queue.pending.append(job)
                queue.queuedMemory += memory
            }
            return (queue.failure, queue.queuedMemory >= queueLimit / 4)
        }
        if failure != nil { job.release() } else if wakes { queue.broadcast() }
        return failure
    }

    /// Waits until `count` jobs of the row group are done; returns its failure, if any.
    func waitUntilDone(_ count: Int) -> ParquetWriterError? {
        queue.broadcast()
        return queue.withLock(waitingWhile: { $0.completedCount < count }) { $0.failure }
    }

    /// Bytes of this worker's encoded pages once the row group's first `count` jobs are
    /// done, waiting for them.
    func encodedTotal(afterJobs count: Int) -> Int {
        queue.broadcast()
        return queue.withLock(waitingWhile: { $0.completedCount < count }) {
            count == 0 ? 0 : $0.encodedTotals[count - 1]
        }
    }

    /// Starts the next row group; every job submitted is done.
    func startNextRowGroup() {
        queue.withLock { queue in
            queue.completedCount = 0
            queue.encodedTotals.removeAll(keepingCapacity: true)
            queue.failure = nil
        }
        encodedInMemory = 0
        encodedTotal = 0
        hasFailed = false
        spillFile.reset()
    }

    /// Ends the thread, dropping the pages still queued.
    func stop() {
        let dropped = queue.withLock { queue -> [any EncodingJob] in
            queue.stopping = true
            defer { queue.pending = [] }
            return queue.pending
        }
        for job in dropped { job.release() }
        queue.broadcast()
    }
}
