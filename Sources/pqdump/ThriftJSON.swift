import ParquetFormat

/// Any parquet.thrift value as JSON, by reflection, so that every field of every structure
/// shows without a hand-written printer per structure.
///
/// Struct fields and union members take their parquet.thrift names (matched to the Swift
/// names ignoring case and underscores); absent optional fields are left out. Thrift enums
/// become their names, binary fields base64, unions an object with the one member set.
enum ThriftJSON {
    static func json(_ value: Any) -> JSON {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            return mirror.children.first.map { json($0.value) } ?? .null
        }
        switch value {
        case let value as any ThriftEnum: return .string(value.description)
        case let value as String: return .string(value)
        case let bytes as [UInt8] where type(of: value) == [UInt8].self: return .string(Base64.encode(bytes))
        case let value as Bool: return .bool(value)
        case let value as any BinaryInteger: return .int(Int128(value))
        case let value as Double: return .real(value)
        case let value as Float: return .real(Double(value))
        default: break
        }
        let names = FieldNames(type(of: value))
        switch mirror.displayStyle {
        case .collection, .set:
            return .array(mirror.children.map { json($0.value) })
        case .enum:
            // A union: the member its encoding sets, or else the Swift case name.
            let name = (value as? any ThriftCodable).flatMap(unionMemberName) ?? mirror.children.first?.label
            let member = mirror.children.first.map { json($0.value) } ?? .object([])
            return .object([(name ?? String(describing: value), member)])
        default:
            return .object(
                mirror.children.compactMap { child in
                    let field = Mirror(reflecting: child.value)
                    if field.displayStyle == .optional && field.children.isEmpty { return nil }
                    return (names.name(child.label ?? "?"), json(child.value))
                })
        }
    }

    /// The parquet.thrift name of the member a union value sets, read from the id in the
    /// first field header of its compact encoding (short form: the id in the high nibble;
    /// long form: a zigzag varint after a zero nibble).
    private static func unionMemberName(_ union: any ThriftCodable) -> String? {
        let bytes = union.encoded()
        guard let first = bytes.first else { return nil }
        var id = Int(first >> 4)
        if id == 0 {
            var shift = 0
            var zigzag = 0
            for byte in bytes.dropFirst().prefix(3) {
                zigzag |= Int(byte & 0x7F) << shift
                shift += 7
                if byte & 0x80 == 0 { break }
            }
            id = (zigzag >> 1) ^ -(zigzag & 1)
        }
        return Int16(exactly: id).flatMap { type(of: union).thriftFieldName($0) }
    }

    /// The parquet.thrift names of a structure's fields, looked up by Swift name.
    private struct FieldNames {
        private var byKey: [String: String] = [:]

        init(_ type: Any.Type) {
            guard let thriftType = type as? any ThriftCodable.Type else { return }
            // Field ids are small; parquet.thrift's largest today is 17 (ColumnMetaData).
            for id in Int16(1)...64 {
                if let name = thriftType.thriftFieldName(id) { byKey[Self.key(name)] = name }
            }
        }

        /// The thrift name; a structure with a single field (such as the union
        /// `ColumnOrder`, whose `TYPE_ORDER` Swift calls `typeDefinedOrder`) has no other.
        func name(_ swiftName: String) -> String {
            byKey[Self.key(swiftName)] ?? (byKey.count == 1 ? byKey.values.first! : swiftName)
        }

        private static func key(_ name: String) -> String {
            String(name.lowercased().filter { $0 != "_" })
        }
    }
}
