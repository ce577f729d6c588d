import ParquetReader

/// Equality of record values that treats floats by bit pattern, so NaN equals NaN and
/// -0.0 differs from +0.0.
func sameValue(_ a: RecordValue, _ b: RecordValue) -> Bool {
    switch (a, b) {
    case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern
    case (.double(let x), .double(let y)): return x.bitPattern == y.bitPattern
    case (.list(let x), .list(let y)), (.group(let x), .group(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { sameValue($0, $1) }
    case (.map(let x), .map(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { sameValue($0.key, $1.key) && sameValue($0.value, $1.value) }
    default: return a == b
    }
}
