#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Caps the number of heap arenas glibc's malloc keeps for the process's threads.
///
/// glibc gives threads that allocate at the same time arenas of their own, up to eight
/// per core, and each arena keeps the memory freed into it for its own later use. A
/// writer with encoding threads and a stage flusher allocates page buffers on one
/// thread and frees them on another, so each arena holds a working set: on DP0.2
/// Object with two threads the peak RSS was 84 MB against 69 MB with two arenas, for
/// the same speed (`voparquet-bench write --rows 100000 --codec snappy --no-dictionary
/// --threads 2`, 2026-12-07). The setting is the whole process's, so the library does
/// not make it: programs call this first thing, as `voparquet` and the benchmarks do.
public enum MallocArenas {
    private typealias SetOption = @convention(c) (Int32, Int32) -> Int32
    /// glibc's `M_ARENA_MAX`.
    private static let arenaMaxOption: Int32 = -8

    /// Asks glibc for at most `count` arenas. Call it before other threads start. Returns
    /// whether the C library took the setting: other C libraries have no `mallopt` with
    /// this option, and then nothing changes.
    @discardableResult
    public static func limit(to count: Int) -> Bool {
        guard count > 0, let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        return unsafeBitCast(symbol, to: SetOption.self)(arenaMaxOption, Int32(clamping: count)) == 1
    }
}
