import Testing

@testable import HATS

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct ExternalRowSorterTests {
    /// Sorts `count` rows whose keys repeat, each row carrying its arrival number and some
    /// padding, and returns (key, arrival number, row length) in the order they come out.
    static func sort(count: Int, budget: Int, padding: Int) throws -> [(Int64, Int, Int)] {
        let directory = try temporaryDirectory()
        defer { rmdir(directory) }
        let sorter = ExternalRowSorter(memoryBudget: budget, directory: directory, checkpoint: {})
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for arrival in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let key = Int64(state >> 44)  // about a million distinct keys
            try sorter.add(key: key) { row in
                withUnsafeBytes(of: arrival) { row.append(contentsOf: $0) }
                row.append(contentsOf: repeatElement(UInt8(arrival & 0xFF), count: padding + arrival % 7))
            }
        }
        var result: [(Int64, Int, Int)] = []
        try sorter.forEachSorted { key, row in
            result.append((key, row.loadUnaligned(as: Int.self), row.count))
        }
        // Every run file was unlinked when created: the directory is empty again.
        #expect(rmdir(directory) == 0)
        return result
    }

    static func temporaryDirectory() throws -> String {
        var template = Array("/tmp/hats-sorter-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        return String(cString: try #require(path))
    }

    static func checkOrder(_ rows: [(Int64, Int, Int)], count: Int, padding: Int) {
        #expect(rows.count == count)
        #expect(Set(rows.map(\.1)).count == count)
        let wrongLength = rows.first { $0.2 != 8 + padding + $0.1 % 7 }
        #expect(wrongLength == nil)
        // By key, then in arrival order.
        let outOfOrder = zip(rows, rows.dropFirst()).first { previous, row in
            !(previous.0 < row.0 || (previous.0 == row.0 && previous.1 < row.1))
        }
        #expect(outOfOrder == nil)
    }

    @Test func sortsInMemory() throws {
        let rows = try Self.sort(count: 5_000, budget: 1 << 20, padding: 10)
        Self.checkOrder(rows, count: 5_000, padding: 10)
    }

    @Test func mergesRunsInSeveralPasses() throws {
        // About 14,000 rows per 1 MiB run: 12 runs, merged 8 at a time: the first 8 into one run
        // of the next tier as they come, then the 5 left at the end.
        let rows = try Self.sort(count: 170_000, budget: 1 << 20, padding: 30)
        Self.checkOrder(rows, count: 170_000, padding: 30)
    }

    @Test func rowsLongerThanTheReadBuffer() throws {
        let rows = try Self.sort(count: 60, budget: 1 << 20, padding: 100_000)
        Self.checkOrder(rows, count: 60, padding: 100_000)
    }

    @Test func checkpointStopsTheMerge() throws {
        let directory = try Self.temporaryDirectory()
        defer { rmdir(directory) }
        var calls = 0
        let sorter = ExternalRowSorter(memoryBudget: 1 << 20, directory: directory) { () throws(HATSImportError) in
            calls += 1
            if calls > 3 { throw .interrupted }
        }
        #expect(throws: HATSImportError.self) {
            for key in 0..<100_000 {
                try sorter.add(key: Int64(key % 100)) { $0.append(contentsOf: repeatElement(1, count: 40)) }
            }
            try sorter.forEachSorted { _, _ in }
        }
    }
}
