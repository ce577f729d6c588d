import Foundation

/// Moves full blocks of staged rows to the column writers on a thread of its own, so
/// that the appending thread stages the next block meanwhile.
///
/// The writer hands over one block at a time: it waits for the previous block to be
/// done, exchanges its stage's rows with the empty `stage`, and goes on with an empty stage. Blocks reach
/// the columns in the order they were staged, on the same rows as when the appending
/// thread moves them itself, so the file's bytes are the same.
final class StageFlusher: @unchecked Sendable {
    // Safety: `state` is only touched under its lock. `stage` belongs to the flusher's
    // thread from the moment it takes a block out of `state` until it reports the block
    // done, under the lock; otherwise to the appending thread, which touches it only in
    // `handOff` and `releaseStorage`, after `waitUntilIdle` (both under the same lock).
    // The block's work touches the column writers and the encoding pool, which the
    // writer leaves alone until `waitUntilIdle` returns (see `ParquetWriter.flushStage`).

    private struct State {
        /// The block to move: the work to run, which holds everything it touches.
        var block: (() throws(ParquetWriterError) -> Void)?
        var isBusy = false
        /// The failure of the last block, until the writer takes it.
        var failure: ParquetWriterError?
        var stopping = false
    }

    private let state = PthreadLocked(State())
    /// The block being moved, laid out as the writer's stage.
    let stage: RowStage

    init(stage: RowStage) {
        self.stage = stage
        let thread = Thread { [self] in runLoop() }
        thread.name = "parquet-stage"
        thread.start()
    }

    private func runLoop() {
        while true {
            let block = state.withLock(waitingWhile: { $0.block == nil && !$0.stopping }) { state in
                defer { state.block = nil }
                return state.block
            }
            guard let block else { return }
            // The block holds the writer: let it go only after reporting the block done,
            // since the writer's deinit, which may then run here, waits for that.
            withExtendedLifetime(block) {
                var failure: ParquetWriterError?
                do throws(ParquetWriterError) { try block() } catch { failure = error }
                state.withLock { state in
                    state.isBusy = false
                    if state.failure == nil { state.failure = failure }
                }
                state.broadcast()
            }
        }
    }

    /// Waits until the last block handed over is in the columns. Returns its failure,
    /// once: the writer drops the row group for it.
    func waitUntilIdle() -> ParquetWriterError? {
        state.withLock(waitingWhile: { $0.isBusy }) { state in
            defer { state.failure = nil }
            return state.failure
        }
    }

    /// Waits until the last block is in the columns, leaving its failure for
    /// `waitUntilIdle` to return.
    func waitKeepingFailure() {
        state.withLock(waitingWhile: { $0.isBusy }) { _ in }
    }

    /// Takes `source`'s first `rows` rows, leaving it empty, and moves them on the
    /// flusher's thread with `move`. The flusher is idle.
    func handOff(
        _ source: RowStage, rows: Int, move: @escaping (RowStage, Int) throws(ParquetWriterError) -> Void
    ) {
        source.moveContents(to: stage, rows: rows)
        let stage = stage
        state.withLock { state in
            state.isBusy = true
            state.block = { () throws(ParquetWriterError) in
                defer { stage.reset() }
                try move(stage, rows)
            }
        }
        state.broadcast()
    }

    /// Ends the thread once the block being moved is done.
    func stop() {
        waitKeepingFailure()
        state.withLock { $0.stopping = true }
        state.broadcast()
    }
}
