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

/// `read(2)`: reads up to `count` bytes; returns how many (0 at the end), or -1 with `errno` set.
package func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// Writes all of `bytes`, retrying after short writes and `EINTR`; returns 0, or the
/// `errno` of the write that failed.
package func systemWriteFully(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    var offset = 0
    while offset < bytes.count {
        let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        // Nothing written for a non-empty request: stop rather than spin.
        guard written > 0 else { return EIO }
        offset += written
    }
    return 0
}

/// `close(2)`: returns 0, or -1 with `errno` set.
package func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
