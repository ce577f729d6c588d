// Decodes every column chunk of a Parquet file into typed buffers and prints one JSON
// line with the timing. Scripts/bench.py runs it next to pyarrow's read_table on the
// same file. Like read_table, which returns the whole table, it keeps every decoded
// chunk until the end, so time and peak memory compare like for like.
import Foundation
import ParquetCompression
import ParquetReader
import Synchronization

struct BenchError: Error, CustomStringConvertible {
    let description: String
}

func parseArguments() throws -> (path: String, threads: Int) {
    var path: String?
    var threads = 1
    var iterator = CommandLine.arguments.dropFirst().makeIterator()
    while let flag = iterator.next() {
        guard let value = iterator.next() else { throw BenchError(description: "\(flag) needs a value") }
        switch flag {
        case "--file": path = value
        case "--threads":
            guard let count = Int(value), count >= 1 else {
                throw BenchError(description: "--threads needs a positive integer")
            }
            threads = count
        default: throw BenchError(description: "unknown flag \(flag)")
        }
    }
    guard let path else { throw BenchError(description: "usage: parquet-read-bench --file PATH [--threads N]") }
    return (path, threads)
}

/// Decodes the chunks `jobs` names, each worker with its own decompressor, and returns
/// the number of values decoded; the decoded chunks stay alive until every worker is done.
func decode(_ reader: ParquetFileReader, jobs: [(rowGroup: Int, column: Int)], threads: Int) throws -> Int {
    let total = Mutex(0)
    let decoded = Mutex<[[ColumnChunkData]]>([])
    let failures = Mutex<[ParquetReaderError]>([])
    DispatchQueue.concurrentPerform(iterations: threads) { worker in
        let decompressor = PageDecompressor()
        var values = 0
        var chunks: [ColumnChunkData] = []
        for job in stride(from: worker, to: jobs.count, by: threads) {
            do throws(ParquetReaderError) {
                let chunk = try reader.readColumnChunk(
                    rowGroup: jobs[job].rowGroup, column: jobs[job].column, decompressor: decompressor)
                values += chunk.values.count
                chunks.append(chunk)
            } catch {
                failures.withLock { $0.append(error) }
                return
            }
        }
        total.withLock { $0 += values }
        decoded.withLock { $0.append(chunks) }
    }
    if let failure = failures.withLock({ $0.first }) {
        throw failure
    }
    return total.withLock { $0 }
}

do {
    let (path, threads) = try parseArguments()
    let start = DispatchTime.now().uptimeNanoseconds
    let reader = try ParquetFileReader(path: path)
    var jobs: [(rowGroup: Int, column: Int)] = []
    for rowGroup in reader.metadata.rowGroups.indices {
        for column in reader.schema.leaves.indices {
            jobs.append((rowGroup, column))
        }
    }
    let values = try decode(reader, jobs: jobs, threads: threads)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let uncompressed = reader.metadata.rowGroups.flatMap(\.columns).reduce(Int64(0)) {
        $0 + ($1.metaData?.totalUncompressedSize ?? 0)
    }
    print(
        "{\"seconds\": \(seconds), \"rows\": \(reader.metadata.numRows), \"input_bytes\": \(uncompressed), \"values\": \(values)}"
    )
} catch {
    FileHandle.standardError.write(Data("parquet-read-bench: \(error)\n".utf8))
    exit(1)
}
