import Foundation
import Parquet
import VOParquet

/// The parsed command line of `voparquet-bench`.
struct BenchArguments {
    enum Command {
        /// Writes `files` files of `rows` rows each through `VOParquetWriter`, or with
        /// `generateOnly` makes the same values without writing them.
        case write
        /// Writes the words of rows `firstRow ..< firstRow + rows` for Scripts/check_object_values.py.
        case dump
    }

    static let usage = """
        usage: voparquet-bench write --rows N (--out FILE | --generate-only) [--files K]
                                     [--codec snappy|zstd|none] [--no-dictionary] [--row-group-bytes N]
                                     [--memory-limit N] [--threads N] [--object-json PATH]
               voparquet-bench dump --rows N [--first-row R] --out FILE [--object-json PATH]
        """

    var command: Command
    var rows = 0
    var firstRow = 0
    var output: String?
    var files = 1
    var generateOnly = false
    /// nil keeps VOParquetOptions' default codec.
    var compression: Compression?
    var dictionary = true
    var rowGroupBytes: Int?
    var memoryLimit: Int?
    /// nil keeps the default: one encoding thread per processor.
    var threads: Int?
    var objectJSON: String

    init(_ arguments: [String]) throws(BenchError) {
        var remaining = arguments.dropFirst()
        switch remaining.popFirst() {
        case "write": command = .write
        case "dump": command = .dump
        default: throw BenchError(Self.usage)
        }
        let sharedData = ProcessInfo.processInfo.environment["SHARED_DATA"] ?? "../shared/data"
        objectJSON = sharedData + "/dp02_object.json"
        while let flag = remaining.popFirst() {
            func value() throws(BenchError) -> String {
                guard let next = remaining.popFirst() else { throw BenchError("\(flag) needs a value") }
                return next
            }
            func count(allowZero: Bool = false) throws(BenchError) -> Int {
                let text = try value()
                guard let number = Int(text), number > 0 || (allowZero && number == 0) else {
                    throw BenchError(
                        "\(flag) needs a \(allowZero ? "non-negative" : "positive") integer, got '\(text)'")
                }
                return number
            }
            switch (command, flag) {
            case (_, "--rows"): rows = try count()
            case (_, "--out"): output = try value()
            case (_, "--object-json"): objectJSON = try value()
            case (.dump, "--first-row"): firstRow = try count(allowZero: true)
            case (.write, "--files"): files = try count()
            case (.write, "--generate-only"): generateOnly = true
            case (.write, "--codec"):
                switch try value() {
                case "snappy": compression = .snappy
                case "zstd": compression = .zstd(level: 3)
                case "none": compression = .uncompressed
                case let other: throw BenchError("--codec must be snappy, zstd or none, got '\(other)'")
                }
            case (.write, "--no-dictionary"): dictionary = false
            case (.write, "--row-group-bytes"): rowGroupBytes = try count()
            case (.write, "--memory-limit"): memoryLimit = try count()
            case (.write, "--threads"): threads = try count()
            default: throw BenchError("unknown option '\(flag)' for \(command)\n\(Self.usage)")
            }
        }
        guard rows > 0 else { throw BenchError("--rows is required") }
        if generateOnly {
            guard output == nil else { throw BenchError("--generate-only writes no file: drop --out") }
        } else if output == nil {
            throw BenchError("--out is required\(command == .write ? " (or --generate-only)" : "")")
        }
    }

    /// The writer options the flags ask for; VOParquetOptions' defaults otherwise.
    func voParquetOptions() -> VOParquetOptions {
        var options = VOParquetOptions()
        if let compression { options.writer.compression = compression }
        if !dictionary { options.writer.encoding = .plain }
        if let rowGroupBytes { options.writer.rowGroupTargetBytes = rowGroupBytes }
        if let memoryLimit { options.writer.memoryLimit = memoryLimit }
        if let threads { options.writer.encodingThreadCount = threads }
        return options
    }

    /// Path of file `index` (from 1) of `count`: the --out path itself for a single
    /// file, else with "-index" before its extension.
    static func path(_ output: String, index: Int, of count: Int) -> String {
        guard count > 1 else { return output }
        let name = output.lastIndex(of: "/").map { output.index(after: $0) } ?? output.startIndex
        guard let dot = output[name...].lastIndex(of: "."), dot > name else { return output + "-\(index)" }
        return output[..<dot] + "-\(index)" + output[dot...]
    }
}
