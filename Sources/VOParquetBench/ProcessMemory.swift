// Reads /proc: this benchmark runs on Linux only.
import Glibc

/// This process's memory as Linux reports it in /proc/self.
enum ProcessMemory {
    /// Resident set size now, in bytes (/proc/self/statm, second field, times the page size).
    static func residentBytes() -> Int {
        guard let fields = read("/proc/self/statm")?.split(separator: " "), fields.count > 1,
            let pages = Int(fields[1])
        else { return -1 }
        return pages * sysconf(Int32(_SC_PAGESIZE))
    }

    /// Peak resident set size so far, in bytes (VmHWM in /proc/self/status).
    static func peakResidentBytes() -> Int {
        guard let status = read("/proc/self/status"),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kibibytes = Int(line.dropFirst("VmHWM:".count).split(whereSeparator: \.isWhitespace).first ?? "")
        else { return -1 }
        return kibibytes * 1024
    }

    /// A small /proc file's text; its size is reported as 0, so it is read to the end.
    private static func read(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
