/// A temporary file of rows sorted by key, read back by ``RunReader``s.
///
/// A record is the key and the sequence number (Int64 each), the row's length (UInt32) and
/// its bytes, in host byte order.
final class RunFile {
    let file: TemporaryFile

    init(directory: String) throws(HATSImportError) {
        file = try TemporaryFile(directory: directory)
    }

    /// Appends one record.
    func append(key: Int64, sequence: Int64, row: UnsafeRawBufferPointer) throws(HATSImportError) {
        try file.append(value: key)
        try file.append(value: sequence)
        try file.append(value: UInt32(row.count))
        try file.append(row)
    }

    /// Writes what is buffered and frees the buffer; call once the last record is appended.
    func finishWriting() throws(HATSImportError) { try file.finishWriting() }
}

/// Reads the records of a ``RunFile`` in order through a buffer of its own.
final class RunReader {
    private let file: TemporaryFile
    /// Holds the current record and what follows it; grows for a longer row.
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var fileOffset = 0
    /// The current record's key, sequence number and bytes (valid until `advance()`).
    private(set) var key: Int64 = 0
    private(set) var sequence: Int64 = 0
    private(set) var rowRange = 0..<0

    init(_ run: RunFile, bufferSize: Int) {
        file = run.file
        buffer = .allocate(byteCount: max(bufferSize, 64), alignment: 8)
    }

    deinit { buffer.deallocate() }

    /// Moves to the next record; false at the end of the file.
    func advance() throws(HATSImportError) -> Bool {
        start = rowRange.upperBound > start ? rowRange.upperBound : start
        guard try ensure(20) else { return false }
        key = buffer.loadUnaligned(fromByteOffset: start, as: Int64.self)
        sequence = buffer.loadUnaligned(fromByteOffset: start + 8, as: Int64.self)
        let length = Int(buffer.loadUnaligned(fromByteOffset: start + 16, as: UInt32.self))
        _ = try ensure(20 + length)
        rowRange = (start + 20)..<(start + 20 + length)
        return true
    }

    /// The current record's bytes, valid until the next `advance()`.
    var row: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: buffer[rowRange]) }

    /// Makes `count` bytes from `start` available, reading more of the file; false when the
    /// file ends before any.
    private func ensure(_ count: Int) throws(HATSImportError) -> Bool {
        if end - start >= count { return true }
        // Move what is left to the front, grow for a long row, and fill the rest.
        buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: end - start)
        end -= start
        rowRange = 0..<0
        start = 0
        if buffer.count < count {
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 8)
            larger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
            buffer.deallocate()
            buffer = larger
        }
        while end < count {
            let read = try file.read(into: buffer.baseAddress! + end, count: buffer.count - end, at: fileOffset)
            guard read > 0 else {
                if end == 0 { return false }
                throw .io("a temporary file of sorted rows ends inside a row")
            }
            end += read
            fileOffset += read
        }
        return true
    }
}
