import Testing

@testable import ParquetFormat

@Suite struct CompactDecoderTests {
    static let varints: [([UInt8], UInt64)] = [
        ([0x00], 0),
        ([0x7F], 127),
        ([0x80, 0x01], 128),
        ([0xDF, 0x89, 0x03], 50399),
        // Non-minimal encodings are accepted.
        ([0x80, 0x00], 0),
        ([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], UInt64.max),
    ]

    @Test(arguments: varints)
    func varint(bytes: [UInt8], expected: UInt64) throws {
        var decoder = CompactDecoder(bytes)
        #expect(try decoder.readVarint() == expected)
        #expect(decoder.isAtEnd)
    }

    @Test func varintLimits() {
        // 11 bytes.
        var tooLong = CompactDecoder(Array(repeating: 0x80, count: 10) + [0x00])
        #expect(throws: ThriftDecodingError.self) { try tooLong.readVarint() }
        // The tenth byte may only hold bit 63.
        var overflow = CompactDecoder(Array(repeating: 0xFF, count: 9) + [0x02])
        #expect(throws: ThriftDecodingError.self) { try overflow.readVarint() }
        var truncated = CompactDecoder([0x80, 0x80])
        #expect(throws: ThriftDecodingError.self) { try truncated.readVarint() }
        // An i32 whose zigzag value needs more than 32 bits.
        var wideI32 = CompactDecoder([0x80, 0x80, 0x80, 0x80, 0x10])
        #expect(throws: ThriftDecodingError.self) { try wideI32.readI32() }
        // zigzag 65536 is 32768, one more than Int16.max.
        var wideI16 = CompactDecoder([0x80, 0x80, 0x04])
        #expect(throws: ThriftDecodingError.self) { try wideI16.readI16() }
    }

    @Test func integersAndDoubles() throws {
        var decoder = CompactDecoder(
            [0xFF, 0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x80, 0xC8, 0xAF, 0xA0, 0x25]
                + [0, 0, 0, 0, 0, 0, 0x04, 0xC0])
        #expect(try decoder.readI8() == -1)
        #expect(try decoder.readI16() == -3)
        #expect(try decoder.readI32() == .min)
        #expect(try decoder.readI64() == 5_000_000_000)
        #expect(try decoder.readDouble() == -2.5)
        #expect(decoder.isAtEnd)
    }

    @Test func binaryAndString() throws {
        var decoder = CompactDecoder([0x02, 0xDE, 0xAD, 0x03, 0x68, 0xC3, 0xA9, 0x00])
        #expect(try decoder.readBinary() == [0xDE, 0xAD])
        #expect(try decoder.readString() == "hé")
        #expect(try decoder.readString() == "")
        #expect(decoder.isAtEnd)
        // Invalid UTF-8 is repaired, not rejected.
        var invalid = CompactDecoder([0x01, 0xFF])
        #expect(try invalid.readString() == "\u{FFFD}")
    }

    @Test func fieldHeadersInBothForms() throws {
        // Short form field 1 (i32), long form field 16 (i32), short delta 2 to 18 (bool true),
        // long form back to field 3 (bool false), stop.
        var decoder = CompactDecoder([0x15, 0x02, 0x05, 0x20, 0x04, 0x21, 0x02, 0x06, 0x00])
        try decoder.beginStruct(KeyValue.self)
        #expect(try decoder.nextField() == FieldHeader(id: 1, type: .i32))
        #expect(try decoder.readI32() == 1)
        #expect(try decoder.nextField() == FieldHeader(id: 16, type: .i32))
        #expect(try decoder.readI32() == 2)
        #expect(try decoder.nextField() == FieldHeader(id: 18, type: .bool, boolValue: true))
        #expect(try decoder.nextField() == FieldHeader(id: 3, type: .bool, boolValue: false))
        #expect(try decoder.nextField() == nil)
        decoder.endStruct()
        #expect(decoder.isAtEnd)
    }

    @Test func collectionHeaders() throws {
        var decoder = CompactDecoder([0x35, 0xF6, 0x0F] + Array(repeating: 0, count: 15) + [0x02, 0x85, 0, 0, 0, 0])
        #expect(try decoder.readListHeader() == (.i32, 3))
        #expect(try decoder.readSetHeader() == (.i64, 15))
        for _ in 0..<15 {
            _ = try decoder.readI64()
        }
        let map = try decoder.readMapHeader()
        #expect(map.count == 2 && map.keyType == .binary && map.valueType == .i32)
    }

    @Test func boolListAcceptsBothElementTypeCodes() throws {
        // Element type 1 (reference implementations) and 2 (the prose spec); 0 and 2 are false.
        var decoder = CompactDecoder([0x31, 0x01, 0x02, 0x00, 0x22, 0x01, 0x00])
        #expect(try decoder.readBoolList() == [true, false, false])
        #expect(try decoder.readBoolList() == [true, false])
        var invalid = CompactDecoder([0x11, 0x03])
        #expect(throws: ThriftDecodingError.self) { try invalid.readBoolList() }
    }

    @Test func listElementTypeMismatchThrows() {
        var decoder = CompactDecoder([0x18, 0x00])
        #expect(throws: ThriftDecodingError.self) { try decoder.readI64List() }
    }

    @Test func skipsEveryType() throws {
        let bytes = encodedBytes { encoder in
            encoder.writeBool(true)  // bool element: 1 byte
            encoder.writeI8(-5)
            encoder.writeI16(300)
            encoder.writeI32(-70000)
            encoder.writeI64(.min)
            encoder.writeDouble(3.25)
            encoder.writeBinary([1, 2, 3])
            encoder.writeListHeader(elementType: .binary, count: 2)
            encoder.writeString("x")
            encoder.writeString("yz")
            encoder.writeSetHeader(elementType: .struct, count: 1)
            encoder.beginStruct()
            encoder.endStruct()
            encoder.writeMapHeader(keyType: .binary, valueType: .list, count: 1)
            encoder.writeString("k")
            encoder.writeListHeader(elementType: .double, count: 1)
            encoder.writeDouble(1)
            encoder.writeMapHeader(keyType: .i32, valueType: .i32, count: 0)
            encoder.beginStruct()
            encoder.writeField(1, bool: true)
            encoder.writeField(2, struct: Fixtures.fullStatistics)
            encoder.endStruct()
            encoder.bytes.append(contentsOf: Array(0..<16))  // uuid
        }
        let types: [ThriftType] = [
            .bool, .i8, .i16, .i32, .i64, .double, .binary, .list, .set, .map, .map, .struct, .uuid,
        ]
        var decoder = CompactDecoder(bytes)
        for type in types {
            try decoder.skip(type)
        }
        #expect(decoder.isAtEnd)
    }

    @Test func decodesFromTheMiddleOfABuffer() throws {
        let header = Fixtures.fullPageHeader.encoded()
        let buffer: [UInt8] = [0xAB, 0xCD, 0xEF] + header + [0x12, 0x34]
        let (decoded, byteCount) = try PageHeader.decode(buffer, at: 3)
        #expect(decoded == Fixtures.fullPageHeader)
        #expect(byteCount == header.count)

        var decoder = CompactDecoder(buffer, range: 3..<(3 + header.count))
        #expect(try PageHeader(from: &decoder) == Fixtures.fullPageHeader)
        #expect(decoder.bytesConsumed == header.count)
        #expect(decoder.position == 3 + header.count)
        #expect(decoder.isAtEnd)
    }

    @Test func rangeLimitsReading() {
        // The header is complete in the array but cut off by the range.
        let header = Fixtures.fullPageHeader.encoded()
        var decoder = CompactDecoder(header, range: 0..<(header.count - 1))
        #expect(throws: ThriftDecodingError.self) { try PageHeader(from: &decoder) }
    }

    @Test func offsetsOutsideTheBufferThrow() {
        let bytes = Fixtures.minimalPageHeader.encoded()
        #expect(throws: ThriftDecodingError.self) { try PageHeader.decode(bytes, at: bytes.count + 10) }
        #expect(throws: ThriftDecodingError.self) { try PageHeader.decode(bytes, at: -5) }
    }

    @Test func trailingBytesAreRejectedByWholeBufferDecode() {
        let error = expectDecodingError(PageHeader.self, Fixtures.minimalPageHeader.encoded() + [0x00])
        #expect(error?.message.contains("1 unexpected bytes") == true)
    }

    @Test func invalidTypeCodesThrow() {
        // Field type 14 does not exist.
        expectDecodingError(KeyValue.self, [0x1E, 0x00])
        // List element type 15 does not exist.
        var decoder = CompactDecoder([0x1F])
        #expect(throws: ThriftDecodingError.self) { try decoder.readListHeader() }
        // Type 0 with elements is invalid too.
        decoder = CompactDecoder([0x10])
        #expect(throws: ThriftDecodingError.self) { try decoder.readListHeader() }
    }

    /// fastparquet writes an empty list as the single byte 0x00 (size 0, type 0).
    @Test func emptyListWithoutElementTypeIsAccepted() throws {
        // KeyValue { 1: key "k" } inside a ColumnMetaData-like list field: list<KeyValue> with header 0x00.
        var decoder = CompactDecoder([0x00])
        #expect(try decoder.readStructList(KeyValue.self).isEmpty)
        #expect(decoder.isAtEnd)
    }

    @Test func fieldIDOverflowThrows() {
        // Long form id 32767 (zigzag 65534 = FE FF 03), then a short-form delta of 1.
        expectDecodingError(KeyValue.self, [0x05, 0xFE, 0xFF, 0x03, 0x00, 0x15, 0x00, 0x00])
    }
}
