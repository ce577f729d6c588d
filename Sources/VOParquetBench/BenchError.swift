/// A usage or input problem, printed as one line before exiting non-zero.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
