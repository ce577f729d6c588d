import Foundation
import Parquet

/// Where tests put files for the Python readers: $PARQUET_INTEROP_DIR when `make
/// test` sets it, otherwise `.build/interop-scratch` in the package, emptied at the
/// start of each run so that it holds only the last run's files.
package enum InteropOutput {
    package static let directory: URL = {
        if let path = ProcessInfo.processInfo.environment["PARQUET_INTEROP_DIR"] {
            let url = URL(fileURLWithPath: path, isDirectory: true)
            try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }
        let url = scratchDirectory
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// `.build/interop-scratch` under the package root, three levels above this file.
    package static let scratchDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/interop-scratch", isDirectory: true)

    /// Saves `bytes` as NAME.parquet with NAME.json describing what it holds.
    package static func save(_ name: String, bytes: [UInt8], expected: ExpectedFile) throws {
        try Data(bytes).write(to: directory.appendingPathComponent("\(name).parquet"))
        try Data(expected.json.utf8).write(to: directory.appendingPathComponent("\(name).json"))
    }
}
