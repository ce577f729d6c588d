import HATS

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// hats-partition-interop COUNTS HIGHEST_ORDER LOWEST_ORDER THRESHOLD: reads (index, rows) pairs of
// little-endian Int64, the rows per cell at HIGHEST_ORDER, and prints the partitions
// AdaptivePartitioning makes of them, one "order,index,rows" line each, or one "error: ..."
// line and status 3, for Tests/hats/check_partitioning.py to compare with hats-import.
func fail(_ message: String, status: Int32) -> Never {
    var text = "hats-partition-interop: \(message)\n"
    text.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    exit(status)
}

let arguments = CommandLine.arguments
guard arguments.count == 5, let highest = Int(arguments[2]), let lowest = Int(arguments[3]),
    let threshold = Int64(arguments[4]), (0...29).contains(highest), let input = fopen(arguments[1], "rb")
else {
    fail("usage: hats-partition-interop COUNTS HIGHEST_ORDER LOWEST_ORDER THRESHOLD", status: 2)
}
var histogram = PixelHistogram(order: highest)
var pair = [Int64](repeating: 0, count: 2)
while pair.withUnsafeMutableBytes({ fread($0.baseAddress, 8, 2, input) }) == 2 {
    histogram.add(index: Int64(littleEndian: pair[0]), rows: Int64(littleEndian: pair[1]))
}
do {
    for partition in try AdaptivePartitioning.partitions(histogram, lowestOrder: lowest, threshold: threshold) {
        print("\(partition.pixel.order),\(partition.pixel.index),\(partition.rows)")
    }
} catch {
    print("error: \(error)")
    exit(3)
}
