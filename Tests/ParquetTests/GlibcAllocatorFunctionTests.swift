#if canImport(Glibc)
import Glibc
@testable import Parquet
import Testing

/// glibc's heap calls are found only where glibc's `malloc` serves the process: not
/// under a sanitizer, whose allocator replaces it (`malloc_trim` crashed there).
@Suite struct GlibcAllocatorFunctionTests {
    typealias Trim = @convention(c) (Int) -> Int32

    @Test func heapCallsAreFoundOnlyWhereGlibcServesMalloc() {
        let everyLoadedImage: UnsafeMutableRawPointer? = nil  // RTLD_DEFAULT
        let sanitized = dlsym(everyLoadedImage, "__asan_init") != nil || dlsym(everyLoadedImage, "__tsan_init") != nil
        let trim = glibcAllocatorFunction(named: "malloc_trim", as: Trim.self)
        #expect((trim == nil) == sanitized)
        // Where it is found it runs, and says whether it released anything.
        if let trim { #expect([0, 1].contains(trim(0))) }
        #expect(glibcAllocatorFunction(named: "no_such_glibc_function", as: Trim.self) == nil)
    }
}
#endif
