#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file of rows sorted by key, written once through a buffer and then read back
/// by ``RunReader``s. It is unlinked as soon as it is created, so it disappears with its
/// descriptor whatever happens to the process.
///
/// A record is the key and the sequence number (Int64 each), the row's length (UInt32) and
/// its bytes, in host byte order.
final class RunFile {
    let descriptor: Int32
    /// Bytes written, buffered ones included.
    private(set) var size = 0
    private var buffer: [UInt8] = []
    private let bufferSize = 1 << 20

    init(directory: String) throws(HATSImportError) {
        var template = Array((directory + "/run-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Self.failure("create a temporary file in '\(directory)'") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        buffer.reserveCapacity(bufferSize)
    }

    deinit { close(descriptor) }

    /// Appends one record.
    func append(key: Int64, sequence: Int64, row: UnsafeRawBufferPointer) throws(HATSImportError) {
        if buffer.count + 20 + row.count > bufferSize { try flush() }
        withUnsafeBytes(of: key) { buffer.append(contentsOf: $0) }
        withUnsafeBytes(of: sequence) { buffer.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(row.count)) { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: row)
        size += 20 + row.count
    }

    /// Writes what is buffered; call once the last record is appended.
    func flush() throws(HATSImportError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw Self.failure("write a temporary file") }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    static func failure(_ action: String) -> HATSImportError {
        .io("cannot \(action): \(String(cString: strerror(errno)))")
    }
}

/// Reads the records of a ``RunFile`` in order through a buffer of its own.
final class RunReader {
    private let file: RunFile
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var fileOffset = 0
    /// The current record's key, sequence number and bytes (valid until `advance()`).
    private(set) var key: Int64 = 0
    private(set) var sequence: Int64 = 0
    private(set) var rowRange = 0..<0

    init(_ file: RunFile, bufferSize: Int) {
        self.file = file
        buffer = [UInt8](repeating: 0, count: max(bufferSize, 64))
    }

    /// Moves to the next record; false at the end of the file.
    func advance() throws(HATSImportError) -> Bool {
        start = rowRange.upperBound > start ? rowRange.upperBound : start
        guard try ensure(20) else { return false }
        buffer.withUnsafeBytes { bytes in
            key = bytes.loadUnaligned(fromByteOffset: start, as: Int64.self)
            sequence = bytes.loadUnaligned(fromByteOffset: start + 8, as: Int64.self)
        }
        let length = Int(buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: start + 16, as: UInt32.self) })
        _ = try ensure(20 + length)
        rowRange = (start + 20)..<(start + 20 + length)
        return true
    }

    /// Runs `body` over the current record's bytes.
    func withRow<Result>(_ body: (UnsafeRawBufferPointer) throws(HATSImportError) -> Result) throws(HATSImportError)
        -> Result
    {
        let bytes = buffer.withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[rowRange]) }
        return try body(bytes)
    }

    /// Makes `count` bytes from `start` available, reading more of the file; false when the
    /// file ends before any.
    private func ensure(_ count: Int) throws(HATSImportError) -> Bool {
        if end - start >= count { return true }
        // Move what is left to the front, grow for a long row, and fill the rest.
        buffer.withUnsafeMutableBytes { bytes in
            bytes.baseAddress!.copyMemory(from: bytes.baseAddress! + start, byteCount: end - start)
        }
        end -= start
        rowRange = 0..<0
        start = 0
        if buffer.count < count { buffer.append(contentsOf: [UInt8](repeating: 0, count: count - buffer.count)) }
        while end < count {
            let wanted = min(buffer.count - end, file.size - fileOffset)
            guard wanted > 0 else {
                if end == 0 { return false }
                throw .io("a temporary file of sorted rows ends inside a row")
            }
            let read = buffer.withUnsafeMutableBytes {
                pread(file.descriptor, $0.baseAddress! + end, wanted, off_t(fileOffset))
            }
            if read < 0, errno == EINTR { continue }
            guard read > 0 else { throw RunFile.failure("read a temporary file") }
            end += read
            fileOffset += read
        }
        return true
    }
}
