#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value guarded by a pthread mutex, with a condition variable to wait for it to
/// change. `Synchronization.Mutex` would do for the lock, but on Linux its futex-based
/// lock is invisible to ThreadSanitizer, which then reports every guarded access as a
/// race; with a pthread mutex the concurrent tests run clean under `make sanitize`.
final class PthreadLocked<State: ~Copyable>: @unchecked Sendable {
    // Safety: `state` is only read or written inside `withLock` and `withLock(waitingWhile:)`,
    // between pthread_mutex_lock and pthread_mutex_unlock on `mutex`; `mutex` and
    // `condition` are allocated once and never move.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var state: State

    init(_ state: consuming State) {
        self.state = state
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        condition.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<Result, Failure: Error>(_ body: (inout State) throws(Failure) -> Result) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state)
    }

    /// Waits, without holding the lock, until `isWaiting` turns false after a
    /// `broadcast()`, then runs `body` under the lock.
    func withLock<Result>(waitingWhile isWaiting: (borrowing State) -> Bool, _ body: (inout State) -> Result) -> Result
    {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while isWaiting(state) { pthread_cond_wait(condition, mutex) }
        return body(&state)
    }

    /// Wakes every thread waiting in `withLock(waitingWhile:)` to look at the state again.
    func broadcast() { pthread_cond_broadcast(condition) }
}
