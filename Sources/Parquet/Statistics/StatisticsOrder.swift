/// How values of a column compare when computing min and max.
enum StatisticsOrder: Hashable, Sendable {
    /// Signed integers, or IEEE floats with the spec's NaN and zero rules.
    case signed
    /// Unsigned integers, or byte arrays compared lexicographically as unsigned bytes.
    case unsigned
    /// Big-endian two's complement byte arrays (DECIMAL on FIXED_LEN_BYTE_ARRAY).
    case signedBigEndian
    /// Little-endian IEEE half floats in two bytes, with the float rules.
    case float16
}
