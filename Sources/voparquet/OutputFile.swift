import Parquet

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the file goes, decided before any input is read, the way `cp` or `curl -o`
/// treat their destination: a regular file (or a new name) is written under a
/// temporary name beside it and renamed into place only once complete; a device,
/// FIFO or socket is written in place; a symlink is followed.
enum OutputTarget: Equatable {
    /// Standard output: no `-o`, or `-o -`.
    case standardOutput
    /// A character or block device, FIFO or socket, which cannot be renamed over.
    case stream(path: String)
    /// A regular file or a new name. `finalPath` is what `path` names once symlinks are
    /// followed; the temporary file sits beside it, so that the rename stays within
    /// one file system.
    case file(path: String, finalPath: String, temporaryPath: String)

    /// Resolves `-o OUTPUT` for a conversion of `input` (nil or `-` for standard input).
    /// A bad destination is a usage error: an empty path, a directory, or the input itself.
    init(_ output: String?, input: String?) throws(UsageError) {
        guard let output, output != "-" else {
            self = .standardOutput
            try Self.refuseSameFile(input: input, output: nil, outputName: "standard output")
            return
        }
        guard !output.isEmpty else { throw UsageError("-o needs a file name, not an empty string") }
        var status = stat()
        let finalPath: String
        if stat(output, &status) == 0 {
            guard status.st_mode & S_IFMT != S_IFDIR else {
                throw UsageError("-o '\(output)' is a directory; give a file name")
            }
            try Self.refuseSameFile(input: input, output: status, outputName: "-o '\(output)'")
            // /dev/stdout and /proc/self/fd/N name a descriptor, even one open on a file.
            let isDescriptorName = output.hasPrefix("/dev/") || output.hasPrefix("/proc/")
            guard status.st_mode & S_IFMT == S_IFREG, !isDescriptorName else {
                self = .stream(path: output)
                return
            }
            finalPath = Self.realPath(output) ?? output
        } else {
            finalPath = Self.followingSymlinks(output)
        }
        let slash = finalPath.lastIndex(of: "/")
        let directory = slash.map { String(finalPath[...$0]) } ?? ""
        let name = slash.map { String(finalPath[finalPath.index(after: $0)...]) } ?? finalPath
        self = .file(path: output, finalPath: finalPath, temporaryPath: "\(directory).\(name).\(getpid()).partial")
    }

    /// The path as the user gave it, for messages.
    var displayName: String {
        switch self {
        case .standardOutput: "standard output"
        case .stream(let path), .file(let path, _, _): path
        }
    }

    /// Opens the destination: a new temporary file, the device, or standard output.
    func open() throws(OutputFailure) -> DescriptorSink {
        switch self {
        case .standardOutput:
            return DescriptorSink(descriptor: STDOUT_FILENO, displayName: displayName, closes: false)
        case .stream(let path):
            return DescriptorSink(
                descriptor: try Self.openDescriptor(path, flags: O_WRONLY | O_TRUNC, displayName: path),
                displayName: path)
        case .file(let path, _, let temporaryPath):
            // Registered before it exists, so that a signal arriving in between still removes it.
            InterruptCleanup.removeOnSignal(temporaryPath)
            let descriptor = try Self.openDescriptor(
                temporaryPath, flags: O_WRONLY | O_CREAT | O_EXCL, displayName: path)
            return DescriptorSink(descriptor: descriptor, displayName: path)
        }
    }

    /// Puts a completed file in place.
    func commit() throws(OutputFailure) {
        guard case .file(let path, let finalPath, let temporaryPath) = self else { return }
        guard rename(temporaryPath, finalPath) == 0 else {
            throw OutputFailure("cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        InterruptCleanup.removeOnSignal(nil)
    }

    /// Removes the temporary file of a failed conversion.
    func abandon() {
        guard case .file(_, _, let temporaryPath) = self else { return }
        unlink(temporaryPath)
        InterruptCleanup.removeOnSignal(nil)
    }

    private static func openDescriptor(_ path: String, flags: Int32, displayName: String) throws(OutputFailure) -> Int32
    {
        while true {
            let descriptor = openFile(path, flags | O_CLOEXEC)
            if descriptor >= 0 { return descriptor }
            if errno != EINTR {
                throw OutputFailure("cannot write '\(displayName)': \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The canonical path of an existing file.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path`, which does not exist, with a dangling symlink in its last component
    /// followed (its target is then created, as `cp` does).
    private static func followingSymlinks(_ path: String) -> String {
        var current = path
        // The kernel's own limit on nested links; a loop ends here and fails at open.
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return current }
            let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") {
                current = target
            } else if let slash = current.lastIndex(of: "/") {
                current = String(current[...slash]) + target
            } else {
                current = target
            }
        }
        return current
    }

    /// Refuses an output that is the input file itself, before anything is read.
    private static func refuseSameFile(input: String?, output: stat?, outputName: String) throws(UsageError) {
        var inputStatus = stat()
        let found =
            input == nil || input == "-" ? fstat(STDIN_FILENO, &inputStatus) == 0 : stat(input!, &inputStatus) == 0
        guard found, inputStatus.st_mode & S_IFMT == S_IFREG else { return }
        var outputStatus = stat()
        if let output {
            outputStatus = output
        } else if fstat(STDOUT_FILENO, &outputStatus) != 0 {
            return
        }
        if inputStatus.st_dev == outputStatus.st_dev && inputStatus.st_ino == outputStatus.st_ino {
            let inputName = input == nil || input == "-" ? "standard input" : "the input '\(input!)'"
            throw UsageError("\(outputName) is the same file as \(inputName); it would be overwritten while being read")
        }
    }
}

/// A failure to create, write or rename the output, naming the path the user gave.
struct OutputFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// `open(2)` with mode 0666 (less the umask), named apart from `OutputTarget.open()`, which hides it.
private func openFile(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags, 0o666)
}
