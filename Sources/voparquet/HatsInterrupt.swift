import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT, SIGTERM and SIGHUP during `voparquet hats`: the handler only records the signal;
/// the import notices it at its next checkpoint (every few thousand rows, and before each
/// read of the input), removes the unfinished catalog, then ends the process with that
/// signal so that the shell sees the conventional status.
enum HatsInterrupt {
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers.
    static func install() {
        for number in signals {
            _ = signal(number) { number in pendingSignal.store(number, ordering: .relaxed) }
        }
    }

    /// The signal received, or 0.
    static var pending: Int32 { pendingSignal.load(ordering: .relaxed) }

    /// Ends the process with the signal received, its default action restored.
    static func endWithPendingSignal() -> Never {
        let number = pending
        signal(number, SIG_DFL)
        raise(number)
        exit(128 + number)
    }
}

/// The last signal received; an atomic store is async-signal-safe.
private let pendingSignal = Atomic<Int32>(0)
