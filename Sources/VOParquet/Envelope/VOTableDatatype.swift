/// The primitive datatypes a VOTable FIELD may declare.
public enum VOTableDatatype: String, Hashable, Sendable, CaseIterable {
    case boolean
    case bit
    case unsignedByte
    case short
    case int
    case long
    case char
    case unicodeChar
    case float
    case double
    case floatComplex
    case doubleComplex

    var isCharacter: Bool { self == .char || self == .unicodeChar }
    var isComplex: Bool { self == .floatComplex || self == .doubleComplex }
}
