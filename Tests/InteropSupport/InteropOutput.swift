import Foundation
import Parquet

/// Where tests put files for the Python readers: $PARQUET_INTEROP_DIR when `make
/// test` sets it, otherwise a temporary directory nobody reads.
package enum InteropOutput {
    package static let directory: URL = {
        let path =
            ProcessInfo.processInfo.environment["PARQUET_INTEROP_DIR"]
            ?? NSTemporaryDirectory() + "parquet-interop-\(ProcessInfo.processInfo.processIdentifier)"
        let url = URL(fileURLWithPath: path, isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Saves `bytes` as NAME.parquet with NAME.json describing what it holds.
    package static func save(_ name: String, bytes: [UInt8], expected: ExpectedFile) throws {
        try Data(bytes).write(to: directory.appendingPathComponent("\(name).parquet"))
        try Data(expected.json.utf8).write(to: directory.appendingPathComponent("\(name).json"))
    }
}
