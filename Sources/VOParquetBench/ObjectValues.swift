import VOParquet

/// Realistic DP0.2 Object values, exactly as Scripts/object_values.py makes them
/// (Scripts/README.md describes the distributions). A cell depends only on its row
/// and column indices, through splitmix64 and integer operations, so every writer
/// in the benchmark, Swift or Python, writes the same bits.
struct ObjectValues {
    /// How one column's values are made.
    enum Rule {
        /// Lognormal-like, 5% negative, 10% null, around 2^exponentOffset.
        case double(exponentOffset: Int64)
        case float(exponentOffset: Int64)
        /// 7% true, 2% of them null.
        case boolean
        /// Uniform in 0 ..< modulus, 5% null.
        case int(modulus: UInt64)
        /// Unique and increasing with the row, like objectId.
        case id
        /// 0 for 80% of rows, else the id of a row at or before this one.
        case parentID
        case tract
        case patch
        case band
        case name
    }

    static let idBase: UInt64 = 1_250_000_000_000_000_000
    static let idStride: UInt64 = 64
    static let rowBits: UInt64 = 40
    static let columnSalt: UInt64 = 0xA5A5_A5A5_A5A5_A5A5
    static let bands = ["u", "g", "r", "i", "z", "y"].map(GeneratedText.init)
    /// The first nearly always (97%), the other three alike.
    static let names = ["DC2", "DC2_v1", "hsc_rings_v1", "lsst_cells"].map(GeneratedText.init)

    let rules: [Rule]

    init(columnTypes: [VOTableColumnType]) throws(BenchError) {
        var rules: [Rule] = []
        for (index, type) in columnTypes.enumerated() {
            let draw = SplitMix64.mix(UInt64(index) ^ Self.columnSalt)
            let exponentOffset = Int64(draw % 25) - 12
            switch (type.datatype, type.name) {
            case ("double", _): rules.append(.double(exponentOffset: exponentOffset))
            case ("float", _): rules.append(.float(exponentOffset: exponentOffset))
            case ("boolean", _): rules.append(.boolean)
            case ("int", _): rules.append(.int(modulus: 1 << (4 + draw % 9)))
            case ("long", "parentObjectId"): rules.append(.parentID)
            case ("long", "tract"): rules.append(.tract)
            case ("long", "patch"): rules.append(.patch)
            case ("long", _): rules.append(.id)
            case ("char", let name): rules.append(name == "band" || name.hasSuffix("Band") ? .band : .name)
            default: throw BenchError("column \(type.name): unsupported datatype \(type.datatype)")
            }
        }
        self.rules = rules
    }

    /// The cell of row `row` (from 0) in column `column` (from 0).
    @inline(__always)
    func cell(row: Int, column: Int) -> ObjectCell {
        let r = UInt64(row)
        let key = UInt64(column) << Self.rowBits | r
        let a = SplitMix64.mix(key &+ SplitMix64.golden)
        let b = SplitMix64.mix(key &+ 2 &* SplitMix64.golden)
        switch rules[column] {
        case .double(let offset):
            if (b & 0xFFFF_FFFF) % 100 < 10 { return .null }
            let bits = Self.sign(b, shift: 63) | UInt64(Self.exponent(b, offset: offset) + 1023) << 52 | a >> 12
            return .double(Double(bitPattern: bits))
        case .float(let offset):
            if (b & 0xFFFF_FFFF) % 100 < 10 { return .null }
            let bits = Self.sign(b, shift: 31) | UInt64(Self.exponent(b, offset: offset) + 127) << 23 | a >> 41
            return .float(Float(bitPattern: UInt32(truncatingIfNeeded: bits)))
        case .boolean:
            let draw = a % 100
            return draw < 2 ? .null : .boolean(draw < 7)
        case .int(let modulus):
            return a % 100 < 5 ? .null : .int(Int32(truncatingIfNeeded: b % modulus))
        case .id:
            return .long(Int64(bitPattern: Self.idBase &+ r &* Self.idStride &+ a % Self.idStride))
        case .parentID:
            return .long(a % 100 < 80 ? 0 : Int64(bitPattern: Self.idBase &+ (b % (r &+ 1)) &* Self.idStride))
        case .tract:
            return .long(Int64(2897 + (r >> 16)))
        case .patch:
            return .long(Int64((r >> 10) % 49))
        case .band:
            return .text(Self.bands[Int(a % 6)])
        case .name:
            return .text(Self.names[a % 100 < 97 ? 0 : 1 + Int(b % 3)])
        }
    }

    /// Binomial binary exponent: popcount of 16 random bits (mean 8, sd 2) around the offset.
    @inline(__always)
    private static func exponent(_ b: UInt64, offset: Int64) -> Int64 {
        Int64(((b >> 32) & 0xFFFF).nonzeroBitCount) - 8 + offset
    }

    /// The sign bit at `shift` for 5% of cells.
    @inline(__always)
    private static func sign(_ b: UInt64, shift: UInt64) -> UInt64 {
        (b >> 48) % 100 < 5 ? 1 << shift : 0
    }
}
