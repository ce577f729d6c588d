#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes held until the file closes (serialized row groups, page indexes): in memory
/// up to a limit, beyond it in an anonymous temporary file (removed by the system
/// when closed), so that a file of any length costs about the same memory.
final class FooterByteStore {
    private let memoryLimit: Int
    private var buffered: [UInt8] = []
    private var spillFile: UnsafeMutablePointer<FILE>?
    /// Bytes stored, in memory and in the temporary file.
    private(set) var byteCount = 0

    init(memoryLimit: Int) {
        self.memoryLimit = memoryLimit
    }

    deinit {
        if let spillFile { fclose(spillFile) }
    }

    /// Bytes the in-memory buffer holds, used or not.
    var heldByteCount: Int { buffered.capacity }

    /// Gives back the buffer and the temporary file, once their bytes are written.
    func releaseStorage() {
        buffered = []
        if let spillFile { fclose(spillFile) }
        spillFile = nil
        byteCount = 0
    }

    func append(_ bytes: [UInt8]) throws(ParquetWriterError) {
        buffered.append(contentsOf: bytes)
        byteCount += bytes.count
        if buffered.count > memoryLimit { try spillBuffered() }
    }

    /// Calls `body` with every stored byte, in order, a piece at a time.
    func forEachPiece(_ body: ([UInt8]) throws(ParquetWriterError) -> Void) throws(ParquetWriterError) {
        if let spillFile {
            guard fflush(spillFile) == 0 else { throw Self.failure("flush") }
            rewind(spillFile)
            var piece = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let count = piece.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, spillFile) }
                if count > 0 { try body(Array(piece[..<count])) }
                if count < piece.count {
                    guard ferror(spillFile) == 0 else { throw Self.failure("read") }
                    break
                }
            }
        }
        try body(buffered)
    }

    private func spillBuffered() throws(ParquetWriterError) {
        if spillFile == nil {
            guard let file = tmpfile() else { throw Self.failure("create") }
            spillFile = file
        }
        let written = buffered.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, spillFile) }
        guard written == buffered.count else { throw Self.failure("write") }
        buffered.removeAll(keepingCapacity: true)
    }

    private static func failure(_ operation: String) -> ParquetWriterError {
        .sinkFailed("cannot \(operation) the temporary file of footer metadata: \(String(cString: strerror(errno)))")
    }
}
