import Foundation

/// Moves full blocks of staged rows to the column writers on a thread of its own, so
/// that the appending thread stages the next blocks meanwhile.
///
/// The writer copies each full block into one of `stages` that is free and goes on with
/// an empty stage; it waits only when both hold a block, one being moved and one
/// waiting. The thread takes every block waiting and moves them column by column: each
/// column takes its part of every block in turn, so that its page buffers get one
/// longer run of stores when the thread has fallen a block behind. Each column gets the
/// blocks' rows in the order they were staged, and a column's pages depend on its own
/// rows alone, so the file's bytes are those the appending thread writes moving each
/// block itself.
final class StageFlusher: @unchecked Sendable {
    // Safety: `state` is only touched under its lock. A stage belongs to the appending
    // thread while it is in `state.free` (the writer copies a block into it in `handOff`,
    // after taking it out of `free` under the lock, and releases storage only once idle),
    // and to the flusher's thread from the moment `handOff` queues it until the thread
    // puts it back in `free`, under the lock. The blocks' work touches the column writers
    // and the encoding pool, which the writer leaves alone until `waitUntilIdle` returns
    // (see `ParquetWriter.flushStage`).

    /// Moves blocks, each a stage and its row count, to the columns, in order.
    typealias Move = ([(stage: RowStage, rows: Int)]) throws(ParquetWriterError) -> Void

    private struct State {
        /// Blocks handed over and not yet taken, in order: a stage's index and its rows.
        var pending: [(stage: Int, rows: Int)] = []
        /// Stages holding no block, which the writer may copy the next block into.
        var free: [Int]
        /// The work that moves blocks, from the last hand-over; it holds the writer, so it
        /// is kept only while blocks wait.
        var move: Move?
        /// Whether the thread is moving blocks it took out of `pending`.
        var isMoving = false
        /// The failure of a block, until the writer takes it; blocks after it are dropped.
        var failure: ParquetWriterError?
        var stopping = false

        var isIdle: Bool { pending.isEmpty && !isMoving }
    }

    /// The stages blocks are copied into.
    let stages: [RowStage]
    private let state: PthreadLocked<State>

    /// Blocks handed over at most before the writer waits: one moved, one waiting. Four
    /// were no faster on 50,000-row DP0.2 Object writes and held about a megabyte more.
    static let stageCount = 2

    init(makeStage: () -> RowStage) {
        stages = (0..<Self.stageCount).map { _ in makeStage() }
        state = PthreadLocked(State(free: Array(stages.indices)))
        let thread = Thread { [self] in runLoop() }
        thread.name = "parquet-stage"
        thread.start()
    }

    /// Bytes the stages hold, used or not.
    var heldByteCount: Int { stages.reduce(0) { $0 + $1.heldByteCount } }

    private func runLoop() {
        while true {
            let taken = state.withLock(waitingWhile: { $0.pending.isEmpty && !$0.stopping }) {
                state -> (blocks: [(stage: Int, rows: Int)], move: Move?, dropped: Bool)? in
                guard !state.pending.isEmpty else { return nil }
                let blocks = state.pending
                state.pending.removeAll(keepingCapacity: true)
                state.isMoving = true
                defer { state.move = nil }
                return (blocks, state.move, state.failure != nil)
            }
            guard let taken else { return }
            // The work holds the writer: let it go only after reporting the blocks done,
            // since the writer's deinit, which may then run here, waits for that.
            withExtendedLifetime(taken.move) {
                var failure: ParquetWriterError?
                if !taken.dropped, let move = taken.move {
                    do throws(ParquetWriterError) {
                        try move(taken.blocks.map { (stages[$0.stage], $0.rows) })
                    } catch {
                        failure = error
                    }
                }
                for block in taken.blocks { stages[block.stage].reset() }
                state.withLock { state in
                    state.isMoving = false
                    state.free.append(contentsOf: taken.blocks.map(\.stage))
                    if state.failure == nil { state.failure = failure }
                }
                state.broadcast()
            }
        }
    }

    /// Waits until every block handed over is in the columns. Returns the failure of one,
    /// once: the writer drops the row group for it.
    func waitUntilIdle() -> ParquetWriterError? {
        state.withLock(waitingWhile: { !$0.isIdle }) { state in
            defer { state.failure = nil }
            return state.failure
        }
    }

    /// Waits until every block is in the columns, leaving a failure for `waitUntilIdle`
    /// to return.
    func waitKeepingFailure() {
        state.withLock(waitingWhile: { !$0.isIdle }) { _ in }
    }

    /// Copies `source`'s first `rows` rows into a free stage, leaving `source` empty,
    /// and queues them to be moved by `move`, after the blocks before. Waits while every
    /// stage holds a block. Returns instead, handing nothing over, the failure of a block
    /// before, which `waitUntilIdle` then returns once more: the writer drops the row
    /// group for it.
    func handOff(_ source: RowStage, rows: Int, move: @escaping Move) -> ParquetWriterError? {
        let taken = state.withLock(waitingWhile: { $0.free.isEmpty && $0.failure == nil }) {
            state -> Result<Int, ParquetWriterError> in
            if let failure = state.failure { return .failure(failure) }
            return .success(state.free.removeLast())
        }
        let index: Int
        switch taken {
        case .failure(let failure): return failure
        case .success(let free): index = free
        }
        source.moveContents(to: stages[index], rows: rows)
        state.withLock { state in
            state.pending.append((index, rows))
            state.move = move
        }
        state.broadcast()
        return nil
    }

    /// Ends the thread once the blocks handed over are moved.
    func stop() {
        waitKeepingFailure()
        state.withLock { $0.stopping = true }
        state.broadcast()
    }
}
