#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system operations a catalog needs, with errors that name the path.
enum FileSystem {
    /// Creates `path` and any missing parent directories.
    static func makeDirectories(_ path: String) throws(HATSImportError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix == "/" ? "" : "/") + component
            guard component != "." else { continue }
            if mkdir(prefix, 0o777) != 0, errno != EEXIST {
                throw failure("create the directory '\(prefix)'")
            }
        }
    }

    /// Writes `bytes` to a new file at `path`, replacing any file there.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(HATSImportError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure("create '\(path)'") }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                let error = failure("write '\(path)'")
                close(descriptor)
                throw error
            }
            offset += written
        }
        guard close(descriptor) == 0 else { throw failure("write '\(path)'") }
    }

    /// Removes `path` and, for a directory, everything below it; symlinks are removed, not
    /// followed. A path that does not exist is no error.
    static func removeTree(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            unlink(path)
            return
        }
        if let directory = opendir(path) {
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(directory)
            for name in names { removeTree(path + "/" + name) }
        }
        rmdir(path)
    }

    static func failure(_ action: String) -> HATSImportError {
        .io("cannot \(action): \(String(cString: strerror(errno)))")
    }
}
