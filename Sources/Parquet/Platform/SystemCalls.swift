// Platform-specific: the C library calls that the package's modules name through these
// functions, because a type's method of the same name (`write`, `read`, `close`) hides the
// global one and the module that declares it (Glibc, Musl, Darwin) differs by platform.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `write(2)`: writes up to `count` bytes; returns how many, or -1 with `errno` set.
package func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// `read(2)`: reads up to `count` bytes; returns how many (0 at the end), or -1 with `errno` set.
package func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// `close(2)`: returns 0, or -1 with `errno` set.
package func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
