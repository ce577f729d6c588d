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

    /// Bytes one value takes in the BINARY serializations (bit: 0, packed separately).
    var binaryWidth: Int {
        switch self {
        case .bit: 0
        case .boolean, .unsignedByte, .char: 1
        case .short, .unicodeChar: 2
        case .int, .float: 4
        case .long, .double, .floatComplex: 8
        case .doubleComplex: 16
        }
    }

    var isCharacter: Bool { self == .char || self == .unicodeChar }
    var isComplex: Bool { self == .floatComplex || self == .doubleComplex }
}
