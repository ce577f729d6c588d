#if canImport(Glibc)
import Glibc
#endif

/// A glibc function that acts on glibc's own heap (`malloc_trim`, `mallopt`), looked up
/// at run time since Swift's Glibc module does not import it, or nil unless glibc's
/// `malloc` is the one the process calls. Under a sanitizer, or with another allocator
/// linked in, glibc's heap serves nothing and calls on it are pointless or worse:
/// `malloc_trim` crashed under AddressSanitizer, reading a null pointer in an arena.
/// Other C libraries have neither call. `Function` must be the function's
/// `@convention(c)` type.
func glibcAllocatorFunction<Function>(named name: String, as _: Function.Type) -> Function? {
    #if canImport(Glibc)
    // glibc is loaded whenever these are reachable; NOLOAD never loads it.
    guard let glibc = dlopen("libc.so.6", RTLD_LAZY | RTLD_NOLOAD) else { return nil }
    defer { dlclose(glibc) }
    let everyLoadedImage: UnsafeMutableRawPointer? = nil  // RTLD_DEFAULT
    guard let symbol = dlsym(glibc, name), let glibcMalloc = dlsym(glibc, "malloc"),
        dlsym(everyLoadedImage, "malloc") == glibcMalloc
    else { return nil }
    return unsafeBitCast(symbol, to: Function.self)
    #else
    return nil
    #endif
}
