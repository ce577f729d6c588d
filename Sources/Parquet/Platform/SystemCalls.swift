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

/// `write(2)`: writes up to `count` bytes; returns how many, or -1 with `errno` set.
func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// `close(2)`: returns 0, or -1 with `errno` set.
func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
