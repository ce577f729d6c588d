#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A C library function looked up by name at run time, for glibc calls that Swift's
/// Glibc module does not import and other C libraries do not have: nil where the process
/// has no such symbol. `Function` must be the function's `@convention(c)` type.
func cLibraryFunction<Function>(named name: String, as _: Function.Type) -> Function? {
    #if canImport(Darwin)
    let everyLoadedImage = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
    #else
    let everyLoadedImage: UnsafeMutableRawPointer? = nil  // RTLD_DEFAULT
    #endif
    guard let symbol = dlsym(everyLoadedImage, name) else { return nil }
    return unsafeBitCast(symbol, to: Function.self)
}
