// Platform-specific: the C library calls that this module names through its own functions,
// because a type's method of the same name (`write`, `read`, `close`) hides the global one
// and the module that declares it (Glibc, Musl, Darwin) differs by platform.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `read(2)`: reads up to `count` bytes; returns how many (0 at the end), or -1 with `errno` set.
func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
