import Parquet

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A stream of input bytes read in order, in chunks, such as a file, stdin or a gzip
/// member.
public protocol ByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes into `buffer` and returns how many were read;
    /// 0 means the end of the input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int
}

/// A failure to read input.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A system call failed.
    case io(path: String, operation: String, message: String)
    /// A gzip stream is corrupt or ends early.
    case gzip(String)

    public var description: String {
        switch self {
        case .io(let path, let operation, let message): "\(operation) '\(path)' failed: \(message)"
        case .gzip(let message): "gzip input: \(message)"
        }
    }
}

/// Serves bytes held in memory.
public final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    /// A source over `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    /// A source over the UTF-8 bytes of `text`.
    public convenience init(_ text: String) { self.init(Array(text.utf8)) }

    /// Copies the next bytes into `buffer`; returns how many, 0 at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}

/// Reads a file descriptor: a file opened by path, or standard input.
public final class FileByteSource: ByteSource {
    /// The path read, or `-` for standard input.
    public let path: String
    private var descriptor: Int32
    private let ownsDescriptor: Bool

    /// Opens `path` for reading.
    public init(path: String) throws(InputError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        ownsDescriptor = true
        guard descriptor >= 0 else { throw Self.failure(path, "open") }
    }

    /// Reads standard input.
    public init(standardInput: Void = ()) {
        path = "<stdin>"
        descriptor = STDIN_FILENO
        ownsDescriptor = false
    }

    deinit {
        if ownsDescriptor { _ = close(descriptor) }
    }

    /// Reads the next bytes into `buffer`; returns how many, 0 at the end of the file.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        while true {
            let count = systemRead(descriptor, buffer.baseAddress!, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw Self.failure(path, "read") }
        }
    }

    private static func failure(_ path: String, _ operation: String) -> InputError {
        .io(path: path, operation: operation, message: String(cString: strerror(errno)))
    }
}
