import ParquetEncoding

/// Writes values in the Thrift compact protocol into a growing byte array.
///
/// Structs are written between `beginStruct()` and `endStruct()`, which keep the
/// id of the previous field per nesting level so that field headers can use the
/// one-byte delta form. Reuse one encoder with `reset()` to encode many values
/// without allocating once the buffer has grown.
public struct CompactEncoder: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8]

    /// Id of the last field written in the struct currently open.
    private var lastFieldID: Int16 = 0
    /// `lastFieldID` of each enclosing struct, innermost last.
    private var enclosingFieldIDs: [Int16] = []

    /// Creates an encoder whose buffer can hold `capacity` bytes before growing.
    public init(reservingCapacity capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
        // Parquet nests structs about six levels deep; this avoids regrowing.
        enclosingFieldIDs.reserveCapacity(16)
    }

    /// Removes all written bytes, keeping the buffer's capacity.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        enclosingFieldIDs.removeAll(keepingCapacity: true)
        lastFieldID = 0
    }

    // MARK: - Structs

    /// Starts a struct or union; field ids inside it are numbered from zero again.
    public mutating func beginStruct() {
        enclosingFieldIDs.append(lastFieldID)
        lastFieldID = 0
    }

    /// Writes the stop byte that ends the current struct and returns to the enclosing one.
    public mutating func endStruct() {
        precondition(!enclosingFieldIDs.isEmpty, "endStruct() without a matching beginStruct()")
        bytes.append(0)
        lastFieldID = enclosingFieldIDs.removeLast()
    }

    /// Writes a field header for a value of `type` that the caller writes next.
    ///
    /// Boolean fields carry their value in the header: use `writeField(_:bool:)`.
    public mutating func writeFieldHeader(id: Int16, type: ThriftType) {
        precondition(type != .bool, "use writeField(_:bool:) for boolean fields")
        writeFieldHeader(id: id, typeCode: type.rawValue)
    }

    private mutating func writeFieldHeader(id: Int16, typeCode: UInt8) {
        let delta = Int(id) - Int(lastFieldID)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | typeCode)
        } else {
            bytes.append(typeCode)
            writeI16(id)
        }
        lastFieldID = id
    }

    // MARK: - Fields

    /// Writes a boolean field: a header whose type code is 1 for true and 2 for false.
    public mutating func writeField(_ id: Int16, bool value: Bool) {
        writeFieldHeader(id: id, typeCode: value ? 1 : 2)
    }

    /// Writes an `i8` field.
    public mutating func writeField(_ id: Int16, i8 value: Int8) {
        writeFieldHeader(id: id, type: .i8)
        writeI8(value)
    }

    /// Writes an `i16` field.
    public mutating func writeField(_ id: Int16, i16 value: Int16) {
        writeFieldHeader(id: id, type: .i16)
        writeI16(value)
    }

    /// Writes an `i32` field.
    public mutating func writeField(_ id: Int16, i32 value: Int32) {
        writeFieldHeader(id: id, type: .i32)
        writeI32(value)
    }

    /// Writes an `i64` field.
    public mutating func writeField(_ id: Int16, i64 value: Int64) {
        writeFieldHeader(id: id, type: .i64)
        writeI64(value)
    }

    /// Writes a `double` field.
    public mutating func writeField(_ id: Int16, double value: Double) {
        writeFieldHeader(id: id, type: .double)
        writeDouble(value)
    }

    /// Writes a `binary` field.
    public mutating func writeField(_ id: Int16, binary value: [UInt8]) {
        writeFieldHeader(id: id, type: .binary)
        writeBinary(value)
    }

    /// Writes a `string` field.
    public mutating func writeField(_ id: Int16, string value: String) {
        writeFieldHeader(id: id, type: .binary)
        writeString(value)
    }

    /// Writes an enum field as its `i32` value.
    public mutating func writeField(_ id: Int16, enum value: some ThriftEnum) {
        writeField(id, i32: value.rawValue)
    }

    /// Writes a struct or union field.
    public mutating func writeField(_ id: Int16, struct value: some ThriftCodable) {
        writeFieldHeader(id: id, type: .struct)
        value.encode(to: &self)
    }

    /// Writes a field holding a struct without fields, such as a union member
    /// like `StringType`: the header followed by a stop byte.
    public mutating func writeEmptyStructField(_ id: Int16) {
        writeFieldHeader(id: id, type: .struct)
        bytes.append(0)
    }

    /// Writes back a union member that was decoded without being understood.
    public mutating func writeUnrecognizedMember(_ member: UnrecognizedUnionMember) {
        if member.header.type == .bool {
            writeField(member.header.id, bool: member.header.boolValue)
        } else {
            writeFieldHeader(id: member.header.id, type: member.header.type)
            bytes.append(contentsOf: member.encodedValue)
        }
    }

    /// Writes a `list<bool>` field.
    public mutating func writeField(_ id: Int16, boolList values: [Bool]) {
        writeFieldHeader(id: id, type: .list)
        writeListHeader(elementType: .bool, count: values.count)
        for value in values {
            writeBool(value)
        }
    }

    /// Writes a `list<i32>` field.
    public mutating func writeField(_ id: Int16, i32List values: [Int32]) {
        writeFieldHeader(id: id, type: .list)
        writeListHeader(elementType: .i32, count: values.count)
        for value in values {
            writeI32(value)
        }
    }

    /// Writes a `list<i64>` field.
    public mutating func writeField(_ id: Int16, i64List values: [Int64]) {
        writeFieldHeader(id: id, type: .list)
        writeListHeader(elementType: .i64, count: values.count)
        for value in values {
            writeI64(value)
        }
    }

    /// Writes a `list<binary>` field.
    public mutating func writeField(_ id: Int16, binaryList values: [[UInt8]]) {
        writeFieldHeader(id: id, type: .list)
        writeListHeader(elementType: .binary, count: values.count)
        for value in values {
            writeBinary(value)
        }
    }

    /// Writes a `list<string>` field.
    public mutating func writeField(_ id: Int16, stringList values: [String]) {
        writeFieldHeader(id: id, type: .list)
        writeListHeader(elementType: .binary, count: values.count)
        for value in values {
            writeString(value)
        }
    }

    /// Writes a list-of-enum field (`list<i32>` on the wire).
    public mutating func writeField<Value: ThriftEnum>(_ id: Int16, enumList values: [Value]) {
        writeFieldHeader(id: id, type: .list)
        writeListHeader(elementType: .i32, count: values.count)
        for value in values {
            writeI32(value.rawValue)
        }
    }

    /// Writes a list-of-structs field.
    public mutating func writeField<Value: ThriftCodable>(_ id: Int16, structList values: [Value]) {
        writeFieldHeader(id: id, type: .list)
        writeListHeader(elementType: .struct, count: values.count)
        for value in values {
            value.encode(to: &self)
        }
    }

    // MARK: - Collection headers

    /// Writes a list header: one byte for fewer than 15 elements, otherwise a
    /// marker byte followed by the count as a varint.
    public mutating func writeListHeader(elementType: ThriftType, count: Int) {
        precondition(count >= 0 && count <= Int32.max, "list count out of range")
        if count < 15 {
            bytes.append(UInt8(count) << 4 | elementType.rawValue)
        } else {
            bytes.append(0xF0 | elementType.rawValue)
            writeVarint(UInt64(count))
        }
    }

    /// Writes a set header, which has the same form as a list header.
    public mutating func writeSetHeader(elementType: ThriftType, count: Int) {
        writeListHeader(elementType: elementType, count: count)
    }

    /// Writes a map header: the count as a varint, then (for a non-empty map)
    /// one byte holding the key and value types.
    public mutating func writeMapHeader(keyType: ThriftType, valueType: ThriftType, count: Int) {
        precondition(count >= 0 && count <= Int32.max, "map count out of range")
        writeVarint(UInt64(count))
        if count > 0 {
            bytes.append(keyType.rawValue << 4 | valueType.rawValue)
        }
    }

    // MARK: - Values

    /// Writes a boolean collection element: 1 for true, 2 for false, as the
    /// reference implementations do.
    public mutating func writeBool(_ value: Bool) {
        bytes.append(value ? 1 : 2)
    }

    /// Writes an `i8` as a single byte (no zigzag, unlike wider integers).
    public mutating func writeI8(_ value: Int8) {
        bytes.append(UInt8(bitPattern: value))
    }

    /// Writes a zigzag varint, like an `i32`.
    public mutating func writeI16(_ value: Int16) {
        writeI32(Int32(value))
    }

    /// Writes a zigzag varint.
    public mutating func writeI32(_ value: Int32) {
        writeVarint(ZigZag.encode(Int64(value)))
    }

    /// Writes a zigzag varint.
    public mutating func writeI64(_ value: Int64) {
        writeVarint(ZigZag.encode(value))
    }

    /// Writes the IEEE 754 bits little-endian.
    public mutating func writeDouble(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Writes the length as a varint followed by the bytes.
    public mutating func writeBinary(_ value: [UInt8]) {
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// Writes the UTF-8 length as a varint followed by the UTF-8 bytes.
    public mutating func writeString(_ value: String) {
        let utf8 = value.utf8
        writeVarint(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// Writes an unsigned LEB128 varint (7 bits per byte, low bits first).
    public mutating func writeVarint(_ value: UInt64) {
        ULEB128.append(value, to: &bytes)
    }
}
