#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps glibc's allocator to one heap for the whole process, for programs that write
/// with more than one encoding thread and want their peak memory near the writer's limit.
///
/// glibc gives each thread that allocates a heap of its own ("arena") and keeps what is
/// freed in it for later use there. A writer's pages are allocated on one thread and
/// freed on another (page buffers on the stage flusher's thread, encoded pages on an
/// encoding thread), so every thread's heap holds its own high-water mark on top of what
/// `WriterMemoryPlan` counts: `voparquet convert` of DP0.2 Object with two threads peaked
/// several MB higher with a heap per thread than with one, in the same time
/// (Docs/architecture.md, "One heap for the threads"). The writer never calls this
/// itself: the allocator is the whole process's, so the program decides. `voparquet` and
/// `voparquet-bench` call it first thing.
public enum MallocArenaLimit {
    private typealias SetOption = @convention(c) (Int32, Int32) -> Int32
    /// glibc's `M_ARENA_MAX` (malloc.h), which Swift's Glibc module does not import.
    private static let arenaMaxOption: Int32 = -8

    /// Limits glibc to one heap, unless `MALLOC_ARENA_MAX` in the environment already says
    /// how many; returns whether the limit was set. Call it before starting any thread.
    /// `mallopt` is looked up at run time, so with another C library, or where the
    /// process's `malloc` is not glibc's (under a sanitizer, or with another allocator),
    /// this does nothing and returns false.
    @discardableResult
    public static func useOneHeap() -> Bool {
        guard getenv("MALLOC_ARENA_MAX") == nil,
            let setOption = glibcAllocatorFunction(named: "mallopt", as: SetOption.self)
        else { return false }
        return setOption(arenaMaxOption, 1) == 1
    }
}
