/// One generated cell of a DP0.2 Object row.
enum ObjectCell {
    case null
    case boolean(Bool)
    case int(Int32)
    case long(Int64)
    case float(Float)
    case double(Double)
    case text(GeneratedText)

    /// Word of a null cell in dumps and checksums; no value's word can be this
    /// (Scripts/object_values.py, NULL_WORD).
    static let nullWord: UInt64 = 0x6E75_6C6C_6E75_6C6C

    /// The cell as 64 bits, for checksums and the dump that
    /// Scripts/check_object_values.py compares: floating-point bit patterns,
    /// 0 or 1, two's-complement bits (int as 32), FNV-1a of a string's UTF-8.
    @inline(__always)
    var word: UInt64 {
        switch self {
        case .null: Self.nullWord
        case .boolean(let value): value ? 1 : 0
        case .int(let value): UInt64(UInt32(bitPattern: value))
        case .long(let value): UInt64(bitPattern: value)
        case .float(let value): UInt64(value.bitPattern)
        case .double(let value): value.bitPattern
        case .text(let text): text.hash
        }
    }
}

/// A string from one of the generator's fixed vocabularies, with its FNV-1a hash.
struct GeneratedText {
    let string: String
    let hash: UInt64

    init(_ string: String) {
        self.string = string
        hash = string.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}
