#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary output file when SIGINT, SIGTERM, SIGHUP or SIGPIPE ends the
/// conversion, then lets the signal end the process, so that the shell sees the
/// conventional status (128 + the signal number: 130, 143, 129, 141).
enum InterruptCleanup {
    static let signals = [SIGINT, SIGTERM, SIGHUP, SIGPIPE]

    /// Installs the handlers; call once, before the temporary file is created.
    static func install() {
        // `signal` rather than `sigaction`, whose struct differs between Glibc, Musl and Darwin.
        for number in signals {
            _ = signal(number) { number in
                if let path = temporaryPathForSignals { unlink(path) }
                // The default action comes back, and the signal raised again is delivered
                // as soon as this handler returns: the process ends with its status.
                _ = signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    /// Sets the file to remove on a signal (nil: none).
    static func removeOnSignal(_ path: String?) {
        // Never freed: a handler running on another thread may still hold the old one.
        temporaryPathForSignals = path.map { strdup($0)! }
    }

    /// Ends the process as SIGPIPE would, after removing the temporary file.
    static func endForBrokenPipe() -> Never {
        if let path = temporaryPathForSignals { unlink(path) }
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        _exit(128 + SIGPIPE)
    }
}

/// The temporary file's path as a C string, for the signal handler, which may only
/// call async-signal-safe functions such as unlink(2).
// Safety: it is one aligned pointer, written only by the main thread in
// `removeOnSignal` (a single store), and the strings it points to are never freed, so
// a handler on any thread reads either the old or the new valid string.
nonisolated(unsafe) private var temporaryPathForSignals: UnsafeMutablePointer<CChar>?
