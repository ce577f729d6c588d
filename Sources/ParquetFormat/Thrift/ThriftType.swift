/// The value types of the Thrift compact protocol.
///
/// The raw value is the 4-bit type code used in list, set and map headers.
/// Field headers use the same codes except that a boolean field is written as
/// code 1 (true) or 2 (false), carrying its value in the header itself.
public enum ThriftType: UInt8, Sendable, Hashable, CustomStringConvertible {
    /// Written as code 1 in collection headers, like the reference Java and C++
    /// implementations (the prose spec says 2; readers accept both).
    case bool = 1
    /// A signed byte.
    case i8 = 3
    /// A 16-bit integer, zigzag varint.
    case i16 = 4
    /// A 32-bit integer, zigzag varint.
    case i32 = 5
    /// A 64-bit integer, zigzag varint.
    case i64 = 6
    /// An IEEE double, little-endian.
    case double = 7
    /// Used for both `binary` and `string`.
    case binary = 8
    /// A list: element type and count, then the elements.
    case list = 9
    /// A set, encoded as a list.
    case set = 10
    /// A map: count, key and value types, then the pairs.
    case map = 11
    /// Used for both structs and unions.
    case `struct` = 12
    /// A 16-byte UUID.
    case uuid = 13

    /// Maps a 4-bit code from a collection header to a type; both boolean codes map to `.bool`.
    init?(elementCode: UInt8) {
        if elementCode == 2 {
            self = .bool
        } else {
            self.init(rawValue: elementCode)
        }
    }

    public var description: String {
        switch self {
        case .bool: "bool"
        case .i8: "i8"
        case .i16: "i16"
        case .i32: "i32"
        case .i64: "i64"
        case .double: "double"
        case .binary: "binary"
        case .list: "list"
        case .set: "set"
        case .map: "map"
        case .struct: "struct"
        case .uuid: "uuid"
        }
    }
}
