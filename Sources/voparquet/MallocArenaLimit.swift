#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps glibc's allocator to one heap for the whole process, unless `MALLOC_ARENA_MAX`
/// in the environment says otherwise.
///
/// glibc gives each thread that allocates a heap of its own ("arena") and keeps what is
/// freed in it for later use there. The encoding threads allocate pages that another
/// thread frees, so every thread's heap holds its own high-water mark: a conversion with
/// two encoding threads peaked several MB above the same conversion with one heap
/// (Docs/architecture.md, "Memory"), in the same time. `mallopt` is looked up at run
/// time, so other C libraries, which have no such call, simply skip this.
enum MallocArenaLimit {
    private typealias SetOption = @convention(c) (Int32, Int32) -> Int32
    /// glibc's `M_ARENA_MAX` (malloc.h), which Swift's Glibc module does not import.
    private static let arenaMaxOption: Int32 = -8

    /// Call before any thread is started.
    static func apply() {
        guard getenv("MALLOC_ARENA_MAX") == nil,
            let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt")
        else { return }
        _ = unsafeBitCast(symbol, to: SetOption.self)(arenaMaxOption, 1)
    }
}
