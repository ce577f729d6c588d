#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Random access to the bytes of a Parquet file, from disk or from memory.
///
/// Reads never move a shared position (they use `pread`), so one source can serve
/// several readers on different threads.
final class RandomAccessByteSource: Sendable {
    private enum Storage: Sendable {
        case file(descriptor: Int32)
        case memory([UInt8])
    }

    private let storage: Storage
    /// Total size in bytes.
    let size: Int

    init(path: String) throws(ParquetReaderError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ParquetReaderError(offset: nil, structure: path, message: "cannot open: \(Self.systemError())")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let message = Self.systemError()
            close(descriptor)
            throw ParquetReaderError(offset: nil, structure: path, message: "cannot stat: \(message)")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw ParquetReaderError(offset: nil, structure: path, message: "not a regular file")
        }
        storage = .file(descriptor: descriptor)
        size = Int(status.st_size)
    }

    init(bytes: [UInt8]) {
        storage = .memory(bytes)
        size = bytes.count
    }

    deinit {
        if case .file(let descriptor) = storage {
            close(descriptor)
        }
    }

    /// Reads `count` bytes at `offset`; the range must lie inside the file.
    func read(at offset: Int, count: Int, structure: @autoclosure () -> String) throws(ParquetReaderError) -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= size, count <= size - offset else {
            throw ParquetReaderError(
                offset: offset, structure: structure(),
                message: "\(count) bytes at offset \(offset) lie outside the \(size)-byte file")
        }
        switch storage {
        case .memory(let bytes):
            return Array(bytes[offset..<(offset + count)])
        case .file(let descriptor):
            var failure: String?
            let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initializedCount in
                var done = 0
                while done < count {
                    let result = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                    if result < 0 {
                        if errno == EINTR { continue }
                        failure = Self.systemError()
                        break
                    }
                    if result == 0 {
                        failure = "file ended after \(offset + done) bytes (it was truncated while being read)"
                        break
                    }
                    done += result
                }
                initializedCount = failure == nil ? count : 0
            }
            if let failure {
                throw ParquetReaderError(offset: offset, structure: structure(), message: "read failed: \(failure)")
            }
            return bytes
        }
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
