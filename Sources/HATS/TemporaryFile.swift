#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written once through a buffer and then read back, unlinked as soon as it is
/// created, so that it disappears with its descriptor whatever happens to the process.
final class TemporaryFile {
    let descriptor: Int32
    /// Bytes appended, buffered ones included.
    private(set) var size = 0
    private var buffer: [UInt8] = []
    private let bufferSize = 1 << 20

    /// A new file in `directory`.
    init(directory: String) throws(HATSImportError) {
        var template = Array((directory + "/tmp-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw FileSystem.failure("create a temporary file in '\(directory)'") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }

    deinit { close(descriptor) }

    /// Appends `bytes`.
    func append(_ bytes: UnsafeRawBufferPointer) throws(HATSImportError) {
        if buffer.count + bytes.count > bufferSize { try flush() }
        if buffer.capacity == 0 { buffer.reserveCapacity(bufferSize) }
        buffer.append(contentsOf: bytes)
        size += bytes.count
    }

    /// Appends `bytes`.
    func append(_ bytes: [UInt8]) throws(HATSImportError) {
        if buffer.count + bytes.count > bufferSize { try flush() }
        if buffer.capacity == 0 { buffer.reserveCapacity(bufferSize) }
        buffer.append(contentsOf: bytes)
        size += bytes.count
    }

    /// Appends the bytes of a value (a number) in host byte order.
    func append<Value: BitwiseCopyable>(value: Value) throws(HATSImportError) {
        if buffer.count + MemoryLayout<Value>.size > bufferSize { try flush() }
        if buffer.capacity == 0 { buffer.reserveCapacity(bufferSize) }
        withUnsafeBytes(of: value) { buffer.append(contentsOf: $0) }
        size += MemoryLayout<Value>.size
    }

    /// Writes what is buffered and lets go of the buffer; call once the last bytes are
    /// appended (appending again brings a new buffer).
    func finishWriting() throws(HATSImportError) {
        try flush()
        buffer = []
    }

    /// Writes what is buffered.
    private func flush() throws(HATSImportError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw FileSystem.failure("write a temporary file") }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Reads up to `count` bytes at `offset` into `destination`; returns how many.
    func read(into destination: UnsafeMutableRawPointer, count: Int, at offset: Int) throws(HATSImportError) -> Int {
        while true {
            let read = pread(descriptor, destination, min(count, size - offset), off_t(offset))
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else { throw FileSystem.failure("read a temporary file") }
            return read
        }
    }

    /// Passes the whole (finished) file to `body` in pieces of at most 1 MiB.
    func forEachPiece(_ body: (UnsafeRawBufferPointer) throws(HATSImportError) -> Void) throws(HATSImportError) {
        let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: min(bufferSize, max(size, 1)), alignment: 8)
        defer { piece.deallocate() }
        var offset = 0
        while offset < size {
            let count = try read(into: piece.baseAddress!, count: piece.count, at: offset)
            guard count > 0 else { throw .io("a temporary file ended early") }
            try body(UnsafeRawBufferPointer(rebasing: piece[..<count]))
            offset += count
        }
    }
}
