#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress line on standard error, shown only when it is a terminal:
/// rows, bytes in and out, and the row rate, redrawn at most twice a second.
final class ProgressLine {
    private let isEnabled = isatty(STDERR_FILENO) == 1
    private let start = ProgressLine.now()
    private var lastDraw = 0.0
    private var drawn = false
    private var lastLength = 0

    func update(rows: Int, bytesIn: Int, bytesOut: Int, force: Bool = false) {
        update(force: force) { elapsed in
            "\(rows) rows, \(Self.megabytes(bytesIn)) MB in, \(Self.megabytes(bytesOut)) MB out, "
                + "\(Int(Double(rows) / elapsed)) rows/s"
        }
    }

    /// Redraws the line with the text `text` makes of the seconds since the start.
    func update(force: Bool = false, _ text: (Double) -> String) {
        guard isEnabled else { return }
        let now = Self.now()
        guard force || now - lastDraw >= 0.5 else { return }
        lastDraw = now
        drawn = true
        let line = text(max(now - start, 1e-6))
        // Blanks over what a longer earlier line left.
        let padding = String(repeating: " ", count: max(lastLength - line.count, 0) + 3)
        lastLength = line.count
        Diagnostics.write("\r" + line + padding)
    }

    /// Ends the progress line so that what follows starts on a fresh line.
    func finish() {
        if drawn { Diagnostics.write("\n") }
        drawn = false
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = bytes / 100_000
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
