import Parquet

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command's text goes: standard output or error (buffered), or memory for tests.
final class Output {
    private enum Destination {
        case descriptor(Int32)
        case memory
    }

    private let destination: Destination
    private var buffer: [UInt8] = []
    /// Everything written, for a memory output.
    private(set) var text = ""

    private init(_ destination: Destination) {
        self.destination = destination
    }

    static func standardOutput() -> Output { Output(.descriptor(STDOUT_FILENO)) }
    static func standardError() -> Output { Output(.descriptor(STDERR_FILENO)) }
    static func memory() -> Output { Output(.memory) }

    func write(_ string: String) {
        switch destination {
        case .memory:
            text += string
        case .descriptor:
            buffer.append(contentsOf: string.utf8)
            if buffer.count >= 1 << 16 {
                flush()
            }
        }
    }

    func line(_ string: String = "") {
        write(string + "\n")
    }

    func flush() {
        guard case .descriptor(let descriptor) = destination, !buffer.isEmpty else { return }
        // A closed pipe (pqdump … | head) ends the output; nothing more can be written.
        buffer.withUnsafeBytes { _ = systemWriteFully(descriptor, $0) }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit {
        flush()
    }
}
