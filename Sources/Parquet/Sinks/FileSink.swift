#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to a file through a buffer; writes at least as large as the buffer go
/// straight to the file without a copy.
public final class FileSink: ByteSink {
    /// The file's path.
    public let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let bufferSize: Int

    /// Creates (or truncates) the file at `path`.
    public init(path: String, bufferSize: Int = 1 << 20) throws {
        self.path = path
        self.bufferSize = max(1, bufferSize)
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path, "open") }
        buffer.reserveCapacity(self.bufferSize)
    }

    deinit {
        if descriptor >= 0 { _ = systemClose(descriptor) }
    }

    /// Buffers `bytes`, writing the buffer to the file when it is full.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard descriptor >= 0 else { throw SinkError.closed }
        if buffer.count + bytes.count > bufferSize { try flush() }
        if bytes.count >= bufferSize {
            try writeFully(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Flushes the buffer and closes the file.
    public func close() throws {
        guard descriptor >= 0 else { throw SinkError.closed }
        defer { descriptor = -1 }
        try flush()
        guard systemClose(descriptor) == 0 else { throw Self.failure(path, "close") }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeFully($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeFully(_ bytes: UnsafeRawBufferPointer) throws {
        let code = systemWriteFully(descriptor, bytes)
        guard code == 0 else { throw Self.failure(path, "write", code) }
    }

    private static func failure(_ path: String, _ operation: String, _ code: Int32 = errno) -> SinkError {
        return .io(path: path, operation: operation, errno: code, message: String(cString: strerror(code)))
    }
}
