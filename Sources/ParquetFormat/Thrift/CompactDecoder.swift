import ParquetEncoding

/// Reads values in the Thrift compact protocol from a range of a byte array.
///
/// Every length and count is checked against the bytes that remain before
/// anything is allocated, nesting is limited to `maximumDepth`, and malformed
/// input of any kind throws a `ThriftDecodingError` rather than trapping.
/// After an error the decoder's state is unspecified; discard it.
///
/// Structs are read with `beginStruct(_:)`, a loop over `nextField()` that
/// switches on the field id and type, and `endStruct()`. The decoder keeps a
/// stack of the structs, fields and list indexes being read so that errors can
/// say where they happened.
public struct CompactDecoder: Sendable {
    /// The whole buffer; only `startIndex..<endIndex` is read.
    public let bytes: [UInt8]
    /// Where decoding started.
    public let startIndex: Int
    /// One past the last byte that may be read.
    public let endIndex: Int
    /// Index of the next byte to read.
    public private(set) var position: Int
    /// How many structs and collections may be nested inside each other.
    public let maximumDepth: Int

    private var depth = 0
    private var frames: [StructFrame] = []

    /// A struct being decoded, for field-id deltas and error paths.
    private struct StructFrame: Sendable {
        let type: any ThriftCodable.Type
        var lastFieldID: Int16 = 0
        /// The field whose value is being read, nil between fields.
        var currentFieldID: Int16?
        /// The element being read when the current field is a list.
        var elementIndex: Int?
    }

    /// Creates a decoder over `range` of `bytes` (all of it by default).
    ///
    /// A range that is not inside the array is treated as empty, so an offset
    /// taken from a corrupt file leads to a decoding error rather than a trap
    /// or reading the wrong bytes.
    public init(_ bytes: [UInt8], range: Range<Int>? = nil, maximumDepth: Int = 64) {
        var readable = range ?? bytes.indices
        if readable.lowerBound < 0 || readable.upperBound > bytes.count {
            let start = Swift.min(Swift.max(readable.lowerBound, 0), bytes.count)
            readable = start..<start
        }
        self.bytes = bytes
        self.startIndex = readable.lowerBound
        self.endIndex = readable.upperBound
        self.position = readable.lowerBound
        self.maximumDepth = maximumDepth
        frames.reserveCapacity(8)
    }

    /// Number of bytes read since `startIndex`.
    public var bytesConsumed: Int { position - startIndex }
    /// Number of bytes left to read.
    public var remainingCount: Int { endIndex - position }
    /// Whether every byte in the range has been read.
    public var isAtEnd: Bool { position == endIndex }

    // MARK: - Errors

    /// An error at `offset` (by default the current position) annotated with
    /// the path of structs and fields being decoded.
    public func error(_ message: String, at offset: Int? = nil) -> ThriftDecodingError {
        var path = ""
        for frame in frames {
            if path.isEmpty {
                path = frame.type.thriftName
            }
            guard let fieldID = frame.currentFieldID else { break }
            path += "." + (frame.type.thriftFieldName(fieldID) ?? "field_\(fieldID)")
            if let index = frame.elementIndex {
                path += "[\(index)]"
            }
        }
        return ThriftDecodingError(
            offset: offset ?? position, path: path, structName: frames.last?.type.thriftName,
            message: message)
    }

    private func truncated(_ what: String, at offset: Int) -> ThriftDecodingError {
        error("input ends inside \(what) (\(remainingCount) bytes left)", at: offset)
    }

    // MARK: - Structs

    /// Starts reading a struct or union of type `type`.
    public mutating func beginStruct(_ type: any ThriftCodable.Type) throws(ThriftDecodingError) {
        try enterNesting()
        frames.append(StructFrame(type: type))
    }

    /// Reads the next field header of the current struct, or returns nil at its stop byte.
    ///
    /// After a non-nil result the caller must read or `skip` the field's value.
    public mutating func nextField() throws(ThriftDecodingError) -> FieldHeader? {
        precondition(!frames.isEmpty, "nextField() outside beginStruct()/endStruct()")
        let top = frames.count - 1
        frames[top].currentFieldID = nil
        frames[top].elementIndex = nil
        var lastFieldID = frames[top].lastFieldID
        let header = try readFieldHeader(after: &lastFieldID)
        frames[top].lastFieldID = lastFieldID
        frames[top].currentFieldID = header?.id
        return header
    }

    /// Finishes the current struct after `nextField()` returned nil.
    public mutating func endStruct() {
        precondition(!frames.isEmpty, "endStruct() without a matching beginStruct()")
        frames.removeLast()
        depth -= 1
    }

    /// Returns a required field's value, or throws if the struct did not contain it.
    /// Call before `endStruct()` so the error names the struct.
    public func requiredField<Value>(_ value: Value?, id: Int16) throws(ThriftDecodingError) -> Value {
        guard let value else {
            let name = frames.last?.type.thriftFieldName(id) ?? "field_\(id)"
            throw error("missing required field '\(name)' (id \(id))")
        }
        return value
    }

    private mutating func readFieldHeader(after lastFieldID: inout Int16) throws(ThriftDecodingError) -> FieldHeader? {
        let start = position
        guard position < endIndex else { throw truncated("a field header", at: start) }
        let byte = bytes[position]
        position += 1
        let typeCode = byte & 0x0F
        // Like the reference implementations, a zero type nibble means stop.
        if typeCode == 0 {
            return nil
        }
        let idDelta = Int16(byte >> 4)
        let id: Int16
        if idDelta == 0 {
            id = try readI16()
        } else {
            let (sum, overflow) = lastFieldID.addingReportingOverflow(idDelta)
            guard !overflow else { throw error("field id overflows i16", at: start) }
            id = sum
        }
        lastFieldID = id
        switch typeCode {
        case 1: return FieldHeader(id: id, type: .bool, boolValue: true)
        case 2: return FieldHeader(id: id, type: .bool, boolValue: false)
        default:
            guard let type = ThriftType(rawValue: typeCode) else {
                throw error("invalid field type code \(typeCode)", at: start)
            }
            return FieldHeader(id: id, type: type)
        }
    }

    private mutating func enterNesting() throws(ThriftDecodingError) {
        guard depth < maximumDepth else {
            throw error("nesting deeper than \(maximumDepth) levels")
        }
        depth += 1
    }

    // MARK: - Collection headers

    /// Reads a list header. The count is at most the number of remaining bytes,
    /// since every element takes at least one byte.
    public mutating func readListHeader() throws(ThriftDecodingError) -> (elementType: ThriftType, count: Int) {
        let start = position
        guard position < endIndex else { throw truncated("a list header", at: start) }
        let byte = bytes[position]
        position += 1
        var count = Int(byte >> 4)
        if count == 15 {
            count = try readLength("list size")
        }
        // fastparquet writes empty lists with element type 0, which Apache Thrift's own
        // libraries accept; no element is read, so the type reported does not matter.
        let emptyWithoutType = count == 0 && byte & 0x0F == 0
        guard let elementType = emptyWithoutType ? .bool : ThriftType(elementCode: byte & 0x0F) else {
            throw error("invalid list element type code \(byte & 0x0F)", at: start)
        }
        guard count <= remainingCount else {
            throw error("list of \(count) elements cannot fit in the \(remainingCount) bytes left", at: start)
        }
        return (elementType, count)
    }

    /// Reads a set header, which has the same form as a list header.
    public mutating func readSetHeader() throws(ThriftDecodingError) -> (elementType: ThriftType, count: Int) {
        try readListHeader()
    }

    /// Reads a map header. An empty map has no type byte, so its types are nil.
    public mutating func readMapHeader() throws(ThriftDecodingError) -> (
        keyType: ThriftType?, valueType: ThriftType?, count: Int
    ) {
        let start = position
        let count = try readLength("map size")
        if count == 0 {
            return (nil, nil, 0)
        }
        guard position < endIndex else { throw truncated("a map header", at: start) }
        let types = bytes[position]
        position += 1
        guard let keyType = ThriftType(elementCode: types >> 4),
            let valueType = ThriftType(elementCode: types & 0x0F)
        else {
            throw error("invalid map key/value type byte \(types)", at: position - 1)
        }
        // Every key and every value takes at least one byte.
        guard count <= remainingCount / 2 else {
            throw error("map of \(count) entries cannot fit in the \(remainingCount) bytes left", at: start)
        }
        return (keyType, valueType, count)
    }

    // MARK: - Values

    /// Reads a boolean collection element: 1 is true; 0 and 2 are false.
    public mutating func readBool() throws(ThriftDecodingError) -> Bool {
        let start = position
        guard position < endIndex else { throw truncated("a bool", at: start) }
        let byte = bytes[position]
        position += 1
        switch byte {
        case 1: return true
        case 0, 2: return false
        default: throw error("invalid bool value \(byte)", at: start)
        }
    }

    /// Reads an `i8`, which is a single byte.
    public mutating func readI8() throws(ThriftDecodingError) -> Int8 {
        guard position < endIndex else { throw truncated("an i8", at: position) }
        let byte = bytes[position]
        position += 1
        return Int8(bitPattern: byte)
    }

    /// Reads a zigzag varint that must fit an `i16`.
    public mutating func readI16() throws(ThriftDecodingError) -> Int16 {
        let start = position
        let value = try readI32()
        guard let narrowed = Int16(exactly: value) else {
            throw error("i16 value \(value) out of range", at: start)
        }
        return narrowed
    }

    /// Reads a zigzag varint that must fit an `i32`.
    public mutating func readI32() throws(ThriftDecodingError) -> Int32 {
        let start = position
        let varint = try readVarint()
        guard UInt32(exactly: varint) != nil else {
            throw error("i32 varint \(varint) out of range", at: start)
        }
        return Int32(truncatingIfNeeded: ZigZag.decode(varint))
    }

    /// Reads a zigzag varint.
    public mutating func readI64() throws(ThriftDecodingError) -> Int64 {
        ZigZag.decode(try readVarint())
    }

    /// Reads 8 bytes of little-endian IEEE 754 bits.
    public mutating func readDouble() throws(ThriftDecodingError) -> Double {
        guard remainingCount >= 8 else { throw truncated("a double", at: position) }
        var bits: UInt64 = 0
        for index in 0..<8 {
            bits |= UInt64(bytes[position + index]) << (8 * index)
        }
        position += 8
        return Double(bitPattern: bits)
    }

    /// Reads a varint length and that many bytes.
    public mutating func readBinary() throws(ThriftDecodingError) -> [UInt8] {
        let range = try readLengthPrefixedRange("binary")
        return Array(bytes[range])
    }

    /// Reads a string; invalid UTF-8 is repaired with replacement characters
    /// rather than rejected, so one odd `created_by` does not make a file unreadable.
    public mutating func readString() throws(ThriftDecodingError) -> String {
        let range = try readLengthPrefixedRange("string")
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// Reads an enum as its `i32` value; unknown values are kept.
    public mutating func readEnum<Value: ThriftEnum>(_: Value.Type = Value.self) throws(ThriftDecodingError) -> Value {
        Value(rawValue: try readI32())
    }

    /// Reads an unsigned LEB128 varint of at most 10 bytes.
    public mutating func readVarint() throws(ThriftDecodingError) -> UInt64 {
        var offset = position
        let end = endIndex
        do {
            let value = try bytes.withUnsafeBufferPointer { (buffer) throws(DecodingFailure) in
                try ULEB128.read(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[..<end]), at: &offset)
            }
            position = offset
            return value
        } catch {
            throw self.error(error.message, at: error.offset)
        }
    }

    /// Reads a non-negative i32-sized varint used as a length or count.
    private mutating func readLength(_ what: String) throws(ThriftDecodingError) -> Int {
        let start = position
        let value = try readVarint()
        guard value <= UInt64(Int32.max) else {
            throw error("\(what) \(value) exceeds the i32 range", at: start)
        }
        return Int(value)
    }

    private mutating func readLengthPrefixedRange(_ what: String) throws(ThriftDecodingError) -> Range<Int> {
        let start = position
        let length = try readLength("\(what) length")
        guard length <= remainingCount else {
            throw error("\(what) of \(length) bytes cannot fit in the \(remainingCount) bytes left", at: start)
        }
        let range = position..<(position + length)
        position += length
        return range
    }

    private mutating func advance(by count: Int, _ what: String) throws(ThriftDecodingError) {
        guard count <= remainingCount else { throw truncated(what, at: position) }
        position += count
    }

    // MARK: - Composite values

    /// Reads a struct or union value.
    public mutating func readStruct<Value: ThriftCodable>(_: Value.Type = Value.self) throws(ThriftDecodingError)
        -> Value
    {
        try Value(from: &self)
    }

    /// Reads a list whose elements must be of `elementType`, reading each with `readElement`.
    public mutating func readList<Element>(
        of elementType: ThriftType,
        _ readElement: (inout CompactDecoder) throws(ThriftDecodingError) -> Element
    ) throws(ThriftDecodingError) -> [Element] {
        let start = position
        let header = try readListHeader()
        guard header.elementType == elementType || header.count == 0 else {
            throw error("expected list<\(elementType)> but found list<\(header.elementType)>", at: start)
        }
        var elements: [Element] = []
        // The count is bounded by the input size, but elements can be far larger
        // than their encoding; let big lists grow instead of trusting the count.
        elements.reserveCapacity(Swift.min(header.count, 1024))
        let top = frames.count - 1
        for index in 0..<header.count {
            if top >= 0 {
                frames[top].elementIndex = index
            }
            elements.append(try readElement(&self))
        }
        if top >= 0 {
            frames[top].elementIndex = nil
        }
        return elements
    }

    /// Reads a `list<bool>`.
    public mutating func readBoolList() throws(ThriftDecodingError) -> [Bool] {
        try readList(of: .bool) { (decoder: inout CompactDecoder) throws(ThriftDecodingError) in
            try decoder.readBool()
        }
    }

    /// Reads a `list<i32>`.
    public mutating func readI32List() throws(ThriftDecodingError) -> [Int32] {
        try readList(of: .i32) { (decoder: inout CompactDecoder) throws(ThriftDecodingError) in
            try decoder.readI32()
        }
    }

    /// Reads a `list<i64>`.
    public mutating func readI64List() throws(ThriftDecodingError) -> [Int64] {
        try readList(of: .i64) { (decoder: inout CompactDecoder) throws(ThriftDecodingError) in
            try decoder.readI64()
        }
    }

    /// Reads a `list<binary>`.
    public mutating func readBinaryList() throws(ThriftDecodingError) -> [[UInt8]] {
        try readList(of: .binary) { (decoder: inout CompactDecoder) throws(ThriftDecodingError) in
            try decoder.readBinary()
        }
    }

    /// Reads a `list<string>`.
    public mutating func readStringList() throws(ThriftDecodingError) -> [String] {
        try readList(of: .binary) { (decoder: inout CompactDecoder) throws(ThriftDecodingError) in
            try decoder.readString()
        }
    }

    /// Reads a list of enums (`list<i32>` on the wire).
    public mutating func readEnumList<Value: ThriftEnum>(_: Value.Type = Value.self) throws(ThriftDecodingError)
        -> [Value]
    {
        try readList(of: .i32) { (decoder: inout CompactDecoder) throws(ThriftDecodingError) in
            Value(rawValue: try decoder.readI32())
        }
    }

    /// Reads a list of structs or unions.
    public mutating func readStructList<Value: ThriftCodable>(_: Value.Type = Value.self) throws(ThriftDecodingError)
        -> [Value]
    {
        try readList(of: .struct) { (decoder: inout CompactDecoder) throws(ThriftDecodingError) in
            try Value(from: &decoder)
        }
    }

    /// Reads a union, which is a struct with exactly one field set.
    ///
    /// `readMember` reads the value of a member it knows and returns it, or
    /// returns nil without reading for any other field id or type; such members
    /// are kept with `unrecognized` so they re-encode unchanged.
    public mutating func readUnion<Value: ThriftCodable>(
        _ type: Value.Type,
        unrecognized: (UnrecognizedUnionMember) -> Value,
        member readMember: (inout CompactDecoder, FieldHeader) throws(ThriftDecodingError) -> Value?
    ) throws(ThriftDecodingError) -> Value {
        try beginStruct(type)
        var value: Value?
        while let field = try nextField() {
            guard value == nil else {
                throw error("union \(type.thriftName) has more than one member set")
            }
            if let member = try readMember(&self, field) {
                value = member
            } else {
                value = unrecognized(try readUnrecognizedMember(field))
            }
        }
        guard let value else {
            throw error("union \(type.thriftName) has no member set")
        }
        endStruct()
        return value
    }

    /// Reads a struct that has no fields (a union member such as `StringType`),
    /// skipping any fields a newer writer may have added to it, and returns `value`,
    /// the union case it stands for.
    public mutating func readEmptyStruct<Value>(as value: Value) throws(ThriftDecodingError) -> Value {
        try skip(.struct)
        return value
    }

    /// Reads the value of a union member this library does not know, keeping its
    /// encoding so it can be written back unchanged.
    public mutating func readUnrecognizedMember(_ field: FieldHeader) throws(ThriftDecodingError)
        -> UnrecognizedUnionMember
    {
        let start = position
        try skip(field)
        return UnrecognizedUnionMember(header: field, encodedValue: Array(bytes[start..<position]))
    }

    // MARK: - Skipping

    /// Skips the value of `field`; boolean fields have no value after the header.
    public mutating func skip(_ field: FieldHeader) throws(ThriftDecodingError) {
        if field.type != .bool {
            try skip(field.type)
        }
    }

    /// Skips one value of `type` as it appears in a collection (a boolean is one byte),
    /// including nested structs, lists, sets and maps.
    public mutating func skip(_ type: ThriftType) throws(ThriftDecodingError) {
        switch type {
        case .bool, .i8:
            try advance(by: 1, "a \(type)")
        case .i16, .i32, .i64:
            _ = try readVarint()
        case .double:
            try advance(by: 8, "a double")
        case .uuid:
            try advance(by: 16, "a uuid")
        case .binary:
            _ = try readLengthPrefixedRange("binary")
        case .struct:
            try enterNesting()
            var lastFieldID: Int16 = 0
            while let field = try readFieldHeader(after: &lastFieldID) {
                try skip(field)
            }
            depth -= 1
        case .list, .set:
            try enterNesting()
            let header = try readListHeader()
            for _ in 0..<header.count {
                try skip(header.elementType)
            }
            depth -= 1
        case .map:
            try enterNesting()
            let header = try readMapHeader()
            if let keyType = header.keyType, let valueType = header.valueType {
                for _ in 0..<header.count {
                    try skip(keyType)
                    try skip(valueType)
                }
            }
            depth -= 1
        }
    }
}
