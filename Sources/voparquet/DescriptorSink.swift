import Parquet

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the file to an open descriptor (the temporary file, a device, or standard
/// output) through a buffer. Errors name the path the user gave.
final class DescriptorSink: ByteSink {
    private let descriptor: Int32
    private let displayName: String
    private let closes: Bool
    private var buffer: [UInt8] = []
    // Pages arrive in pieces of KiB to a few MiB: 256 KiB makes few system calls and stays small.
    private let bufferSize = 256 << 10

    init(descriptor: Int32, displayName: String, closes: Bool = true) {
        self.descriptor = descriptor
        self.displayName = displayName
        self.closes = closes
        buffer.reserveCapacity(bufferSize)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > bufferSize { try flush() }
        if bytes.count >= bufferSize {
            try writeFully(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    func close() throws {
        try flush()
        if closes, closeDescriptor(descriptor) != 0 { throw failure("close", errno) }
    }

    /// Closes without writing what is buffered, after a failed conversion.
    func discard() {
        buffer.removeAll()
        if closes { _ = closeDescriptor(descriptor) }
    }

    private func flush() throws {
        try buffer.withUnsafeBytes { try writeFully($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeFully(_ bytes: UnsafeRawBufferPointer) throws {
        let code = systemWriteFully(descriptor, bytes)
        guard code == 0 else {
            // A reader that went away (`voparquet convert x.xml | head -c 10`): end
            // quietly with status 141, as tools killed by SIGPIPE do.
            if code == EPIPE { InterruptCleanup.endForBrokenPipe() }
            throw failure("write", code)
        }
    }

    private func failure(_ operation: String, _ code: Int32) -> SinkError {
        .io(path: displayName, operation: operation, errno: code, message: String(cString: strerror(code)))
    }
}

/// `close(2)`, named apart from the sink's own `close()`, which hides it inside the class.
private func closeDescriptor(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
