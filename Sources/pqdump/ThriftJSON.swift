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
            // A union: a member without a value is reflected as its bare case name.
            guard let member = mirror.children.first else {
                return .object([(names.name(String(describing: value)), .object([]))])
            }
            return .object([(names.name(member.label ?? "?"), json(member.value))])
        default:
            return .object(
                mirror.children.compactMap { child in
                    let field = Mirror(reflecting: child.value)
                    if field.displayStyle == .optional && field.children.isEmpty { return nil }
                    return (names.name(child.label ?? "?"), json(child.value))
                })
        }
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

        func name(_ swiftName: String) -> String {
            byKey[Self.key(swiftName)] ?? swiftName
        }

        private static func key(_ name: String) -> String {
            String(name.lowercased().filter { $0 != "_" })
        }
    }
}
