#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Parquet

/// Where the file goes: a temporary file beside the output, renamed into place
/// only once the file is complete, or standard output.
enum OutputTarget {
    case file(path: String, temporaryPath: String)
    case standardOutput

    init(_ output: String?) {
        guard let output, output != "-" else {
            self = .standardOutput
            return
        }
        let slash = output.lastIndex(of: "/")
        let directory = slash.map { String(output[...$0]) } ?? ""
        let name = slash.map { String(output[output.index(after: $0)...]) } ?? output
        self = .file(path: output, temporaryPath: "\(directory).\(name).\(getpid()).partial")
    }
}

/// Writes to standard output through a buffer.
final class StandardOutputSink: ByteSink {
    private var buffer: [UInt8] = []
    private let bufferSize = 1 << 20

    init() { buffer.reserveCapacity(bufferSize) }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > bufferSize { try flush() }
        if bytes.count >= bufferSize {
            try Self.writeFully(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    func close() throws { try flush() }

    private func flush() throws {
        try buffer.withUnsafeBytes { try Self.writeFully($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func writeFully(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                throw SinkError.io(path: "<stdout>", operation: "write", errno: code, message: String(cString: strerror(code)))
            }
            offset += written
        }
    }
}
