import HEALPix

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// healpix-interop POSITIONS OUTPUT: reads (ra, dec) pairs of little-endian doubles, in
// degrees, and writes for each the NESTED index at every order 0…29 as little-endian Int64
// (-1 for a position that has no cell), for Tests/healpix/check_healpix.py to compare with
// cdshealpix.
func fail(_ message: String, status: Int32) -> Never {
    var text = "healpix-interop: \(message)\n"
    text.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    exit(status)
}

let arguments = CommandLine.arguments
guard arguments.count == 3, let input = fopen(arguments[1], "rb"), let output = fopen(arguments[2], "wb") else {
    fail("usage: healpix-interop POSITIONS OUTPUT", status: 2)
}
let orders = 0...HEALPix.maximumOrder
var positions = [Double](repeating: 0, count: 2 * 65_536)
var indexes = [Int64](repeating: 0, count: positions.count / 2 * orders.count)
while true {
    let doubles = positions.withUnsafeMutableBytes { fread($0.baseAddress, 8, $0.count / 8, input) }
    guard doubles > 0 else { break }
    let count = doubles / 2
    for point in 0..<count {
        let ra = Double(bitPattern: UInt64(littleEndian: positions[2 * point].bitPattern))
        let dec = Double(bitPattern: UInt64(littleEndian: positions[2 * point + 1].bitPattern))
        for order in orders {
            let index = (try? HEALPix.nestedIndex(order: order, raDegrees: ra, decDegrees: dec)) ?? -1
            indexes[point * orders.count + order] = index.littleEndian
        }
    }
    let written = indexes.withUnsafeBytes { fwrite($0.baseAddress, 8, count * orders.count, output) }
    guard written == count * orders.count else { fail("cannot write \(arguments[2])", status: 1) }
}
guard ferror(input) == 0, fclose(output) == 0 else {
    fail("cannot read \(arguments[1]) or write \(arguments[2])", status: 1)
}
