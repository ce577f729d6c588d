#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a run of spilled bytes lies in the spill file.
struct SpillSegment: Equatable {
    var offset: Int64
    var length: Int
}

/// Encoded pages of the open row group that wait on disk until the row group is
/// written, once they pass `WriterMemoryPlan.encodedPagesMemoryLimit`.
///
/// The file is anonymous: it is unlinked as soon as it is created, so the system
/// removes it when it is closed, whatever happens to the process. Appends go through
/// one buffer, so the disk sees large sequential writes; reads back go through the
/// same buffer. After each row group the file is truncated and used again, so it
/// never holds more than one row group.
final class SpillFile {
    private let directory: String
    private let bufferSize: Int
    private var descriptor: Int32 = -1
    private var buffer: UnsafeMutableRawBufferPointer?
    /// Bytes in `buffer` not yet written to the file.
    private var bufferedCount = 0
    /// Bytes appended since the last reset, in the file and in the buffer.
    private(set) var byteCount: Int64 = 0
    /// Bytes appended over the writer's life, for the writer's statistics.
    private(set) var totalBytesSpilled: Int64 = 0
    /// Tests set this to make writes fail once the file would pass it, as a full disk does.
    var capacityForTesting: Int64?

    init(directory: String?, bufferSize: Int) {
        self.directory = directory ?? Self.defaultDirectory
        self.bufferSize = bufferSize
    }

    deinit {
        if descriptor >= 0 { _ = close(descriptor) }
        buffer?.deallocate()
    }

    /// `TMPDIR`, or `/tmp` when it is unset or empty.
    static var defaultDirectory: String {
        if let value = getenv("TMPDIR"), value.pointee != 0 { return String(cString: value) }
        return "/tmp"
    }

    /// Bytes of the I/O buffer, while it is allocated.
    var heldByteCount: Int { buffer == nil ? 0 : bufferSize }

    /// Appends `bytes` and returns where they lie.
    func append(_ bytes: UnsafeRawBufferPointer) throws(ParquetWriterError) -> SpillSegment {
        let segment = SpillSegment(offset: byteCount, length: bytes.count)
        guard !bytes.isEmpty else { return segment }
        if descriptor < 0 { try create() }
        let buffer = self.buffer ?? allocateBuffer()
        if bufferedCount + bytes.count > bufferSize { try flushBuffer() }
        if bytes.count >= bufferSize {
            try writeFully(bytes)
        } else {
            UnsafeMutableRawBufferPointer(rebasing: buffer[bufferedCount..<(bufferedCount + bytes.count)])
                .copyMemory(from: bytes)
            bufferedCount += bytes.count
        }
        byteCount += Int64(bytes.count)
        totalBytesSpilled += Int64(bytes.count)
        return segment
    }

    /// Passes the bytes of `segment` to `body`, a buffer at a time.
    func read(
        _ segment: SpillSegment, into body: (UnsafeRawBufferPointer) throws(ParquetWriterError) -> Void
    ) throws(ParquetWriterError) {
        guard segment.length > 0 else { return }
        try flushBuffer()
        let buffer = self.buffer ?? allocateBuffer()
        var offset = segment.offset
        var remaining = segment.length
        while remaining > 0 {
            let count = pread(descriptor, buffer.baseAddress, min(remaining, bufferSize), off_t(offset))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw failure("read", code: count == 0 ? EIO : errno) }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            offset += Int64(count)
            remaining -= count
        }
    }

    /// Empties the file for the next row group and frees the buffer. A file that
    /// cannot be truncated is closed instead, and the next spill creates another.
    func reset() {
        bufferedCount = 0
        byteCount = 0
        buffer?.deallocate()
        buffer = nil
        guard descriptor >= 0 else { return }
        if ftruncate(descriptor, 0) != 0 || lseek(descriptor, 0, SEEK_SET) != 0 {
            _ = close(descriptor)
            descriptor = -1
        }
    }

    /// Closes the file, once the writer is done with it.
    func release() {
        reset()
        if descriptor >= 0 { _ = close(descriptor) }
        descriptor = -1
    }

    private func create() throws(ParquetWriterError) {
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
        template.append(contentsOf: "parquet-spill-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard created >= 0 else { throw failure("create a temporary file in \(directory)") }
        // Unlinked at once: the data lives as long as the descriptor and no name is left behind.
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        descriptor = created
    }

    private func allocateBuffer() -> UnsafeMutableRawBufferPointer {
        let allocated = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 16)
        buffer = allocated
        return allocated
    }

    private func flushBuffer() throws(ParquetWriterError) {
        guard bufferedCount > 0, let buffer else { return }
        try writeFully(UnsafeRawBufferPointer(rebasing: buffer[0..<bufferedCount]))
        bufferedCount = 0
    }

    private func writeFully(_ bytes: UnsafeRawBufferPointer) throws(ParquetWriterError) {
        var bytes = bytes
        var isFull = false
        if let capacity = capacityForTesting {
            // As a full disk does: what fits is written, then the write fails.
            let room = Int(max(0, capacity - Int64(lseek(descriptor, 0, SEEK_CUR))))
            if room < bytes.count {
                bytes = UnsafeRawBufferPointer(rebasing: bytes[..<room])
                isFull = true
            }
        }
        let code = systemWriteFully(descriptor, bytes)
        guard code == 0 else { throw failure("write", code: code) }
        if isFull { throw failure("write", code: ENOSPC) }
    }

    private func failure(_ operation: String, code: Int32 = errno) -> ParquetWriterError {
        .spillFailed("cannot \(operation): \(String(cString: strerror(code)))")
    }
}
