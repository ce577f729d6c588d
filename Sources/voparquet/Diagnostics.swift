import Parquet

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Messages on standard error.
enum Diagnostics {
    /// One line: "voparquet: error: MESSAGE", with a pointer to the usage if asked.
    static func error(_ message: String, usage: Bool = false) {
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        var text = "voparquet: error: \(oneLine)\n"
        if usage { text += "Run 'voparquet --help' for usage.\n" }
        write(text)
    }

    static func write(_ text: String) {
        var text = text
        // A message that cannot be written has nowhere else to go.
        text.withUTF8 { _ = systemWriteFully(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
    }
}
