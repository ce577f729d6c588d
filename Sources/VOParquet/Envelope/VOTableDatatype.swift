/// The primitive datatypes a VOTable FIELD may declare.
public enum VOTableDatatype: String, Hashable, Sendable, CaseIterable {
    /// `boolean`: true, false or null.
    case boolean
    /// `bit`: one bit, usually in arrays.
    case bit
    /// `unsignedByte`: 0...255.
    case unsignedByte
    /// `short`: 16-bit signed integer.
    case short
    /// `int`: 32-bit signed integer.
    case int
    /// `long`: 64-bit signed integer.
    case long
    /// `char`: ASCII characters, usually in strings.
    case char
    /// `unicodeChar`: UCS-2 characters, usually in strings.
    case unicodeChar
    /// `float`: IEEE single precision.
    case float
    /// `double`: IEEE double precision.
    case double
    /// `floatComplex`: a pair of single-precision floats.
    case floatComplex
    /// `doubleComplex`: a pair of double-precision floats.
    case doubleComplex

    var isCharacter: Bool { self == .char || self == .unicodeChar }
    var isComplex: Bool { self == .floatComplex || self == .doubleComplex }
}
