import Testing

@testable import ParquetFormat

/// Byte vectors computed by hand from the Thrift compact protocol spec
/// (apache/thrift doc/specs/thrift-compact-protocol.md).
@Suite struct CompactEncoderTests {
    static let varints: [(UInt64, [UInt8])] = [
        (0, [0x00]),
        (1, [0x01]),
        (127, [0x7F]),
        (128, [0x80, 0x01]),
        (300, [0xAC, 0x02]),
        // The spec's worked example.
        (50399, [0xDF, 0x89, 0x03]),
        (UInt64(UInt32.max), [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]),
        (UInt64.max, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
    ]

    @Test(arguments: varints)
    func varint(value: UInt64, expected: [UInt8]) {
        #expect(encodedBytes { $0.writeVarint(value) } == expected)
    }

    // zigzag: 0 → 0, -1 → 1, 1 → 2, -2 → 3, ...
    static let zigzagI32s: [(Int32, [UInt8])] = [
        (0, [0x00]),
        (-1, [0x01]),
        (1, [0x02]),
        (-2, [0x03]),
        (2, [0x04]),
        (-64, [0x7F]),
        (64, [0x80, 0x01]),
        (Int32.max, [0xFE, 0xFF, 0xFF, 0xFF, 0x0F]),
        (Int32.min, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]),
    ]

    @Test(arguments: zigzagI32s)
    func zigzagI32(value: Int32, expected: [UInt8]) {
        #expect(encodedBytes { $0.writeI32(value) } == expected)
    }

    @Test func zigzagI64() {
        #expect(encodedBytes { $0.writeI64(-3) } == [0x05])
        #expect(encodedBytes { $0.writeI64(5_000_000_000) } == [0x80, 0xC8, 0xAF, 0xA0, 0x25])
        #expect(encodedBytes { $0.writeI64(.max) } == [0xFE] + Array(repeating: 0xFF, count: 8) + [0x01])
        #expect(encodedBytes { $0.writeI64(.min) } == Array(repeating: 0xFF, count: 9) + [0x01])
    }

    @Test func smallIntegers() {
        // i8 is one raw byte, not zigzag.
        #expect(encodedBytes { $0.writeI8(-1) } == [0xFF])
        #expect(encodedBytes { $0.writeI8(8) } == [0x08])
        // i16 is zigzag like i32.
        #expect(encodedBytes { $0.writeI16(-3) } == [0x05])
        #expect(encodedBytes { $0.writeI16(.min) } == [0xFF, 0xFF, 0x03])
    }

    @Test func doubleIsLittleEndian() {
        // 1.0 = 0x3FF0_0000_0000_0000
        #expect(encodedBytes { $0.writeDouble(1.0) } == [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
        // -2.5 = 0xC004_0000_0000_0000
        #expect(encodedBytes { $0.writeDouble(-2.5) } == [0, 0, 0, 0, 0, 0, 0x04, 0xC0])
    }

    @Test func binaryAndString() {
        #expect(encodedBytes { $0.writeBinary([]) } == [0x00])
        #expect(encodedBytes { $0.writeBinary([0xDE, 0xAD]) } == [0x02, 0xDE, 0xAD])
        // "hé" is 3 UTF-8 bytes: 68 C3 A9.
        #expect(encodedBytes { $0.writeString("hé") } == [0x03, 0x68, 0xC3, 0xA9])
        let long = [UInt8](repeating: 7, count: 200)
        #expect(encodedBytes { $0.writeBinary(long) } == [0xC8, 0x01] + long)
    }

    @Test func fieldHeaderShortForm() {
        // Delta 1, type i32 (5): 0x15. Delta 15, type i64 (6): 0xF6.
        let bytes = encodedBytes { encoder in
            encoder.beginStruct()
            encoder.writeField(1, i32: 0)
            encoder.writeField(16, i64: 0)
            encoder.endStruct()
        }
        #expect(bytes == [0x15, 0x00, 0xF6, 0x00, 0x00])
    }

    @Test func fieldHeaderLongForm() {
        // Delta 16 does not fit 4 bits: type byte 0x05, then zigzag(16) = 32 = 0x20.
        // Going backwards (id 3 after 16) also needs the long form: zigzag(3) = 6.
        // Ids above 63 need a two-byte varint: zigzag(1000) = 2000 = 0xD0 0x0F.
        let bytes = encodedBytes { encoder in
            encoder.beginStruct()
            encoder.writeField(16, i32: 1)
            encoder.writeField(3, i32: 1)
            encoder.writeField(1000, i32: 1)
            encoder.writeField(-1, i32: 1)
            encoder.endStruct()
        }
        #expect(bytes == [0x05, 0x20, 0x02, 0x05, 0x06, 0x02, 0x05, 0xD0, 0x0F, 0x02, 0x05, 0x01, 0x02, 0x00])
    }

    @Test func boolFieldsLiveInTheHeader() {
        // true is type 1, false is type 2, with no value bytes after the header.
        let bytes = encodedBytes { encoder in
            encoder.beginStruct()
            encoder.writeField(1, bool: true)
            encoder.writeField(2, bool: false)
            encoder.writeField(20, bool: true)
            encoder.endStruct()
        }
        #expect(bytes == [0x11, 0x12, 0x01, 0x28, 0x00])
    }

    @Test func nestedStructResetsFieldIDs() {
        // Outer field 5 (0x55), field 6 struct (0x1C); inside, ids restart at 0 so
        // field 1 is 0x15; after the inner stop, field 7 is a delta of 1 from 6.
        let bytes = encodedBytes { encoder in
            encoder.beginStruct()
            encoder.writeField(5, i32: 0)
            encoder.writeFieldHeader(id: 6, type: .struct)
            encoder.beginStruct()
            encoder.writeField(1, i32: 0)
            encoder.endStruct()
            encoder.writeField(7, i32: 0)
            encoder.endStruct()
        }
        #expect(bytes == [0x55, 0x00, 0x1C, 0x15, 0x00, 0x00, 0x15, 0x00, 0x00])
    }

    @Test func emptyStructFieldIsHeaderAndStop() {
        let bytes = encodedBytes { encoder in
            encoder.beginStruct()
            encoder.writeEmptyStructField(3)
            encoder.endStruct()
        }
        #expect(bytes == [0x3C, 0x00, 0x00])
    }

    @Test func listShortAndLongForm() {
        // Short form: size in the high nibble, element type in the low one.
        #expect(encodedBytes { $0.writeListHeader(elementType: .i32, count: 0) } == [0x05])
        #expect(encodedBytes { $0.writeListHeader(elementType: .struct, count: 14) } == [0xEC])
        // Long form from 15 elements: 0xF0 | type, then the size as a varint.
        #expect(encodedBytes { $0.writeListHeader(elementType: .i64, count: 15) } == [0xF6, 0x0F])
        #expect(encodedBytes { $0.writeListHeader(elementType: .binary, count: 300) } == [0xF8, 0xAC, 0x02])

        let values = encodedBytes { encoder in
            encoder.beginStruct()
            encoder.writeField(1, i32List: [1, 2, -1])
            encoder.endStruct()
        }
        #expect(values == [0x19, 0x35, 0x02, 0x04, 0x01, 0x00])
    }

    @Test func boolListUsesReferenceImplementationCodes() {
        // Like the Java and C++ libraries (and so parquet-cpp): element type 1,
        // elements 1 for true and 2 for false.
        let bytes = encodedBytes { encoder in
            encoder.beginStruct()
            encoder.writeField(1, boolList: [true, false, true])
            encoder.endStruct()
        }
        #expect(bytes == [0x19, 0x31, 0x01, 0x02, 0x01, 0x00])
    }

    @Test func stringAndEnumLists() {
        let bytes = encodedBytes { encoder in
            encoder.beginStruct()
            encoder.writeField(2, enumList: [Encoding.plain, .rle])
            encoder.writeField(3, stringList: ["a", "bc"])
            encoder.endStruct()
        }
        #expect(bytes == [0x29, 0x25, 0x00, 0x06, 0x19, 0x28, 0x01, 0x61, 0x02, 0x62, 0x63, 0x00])
    }

    @Test func mapHeader() {
        #expect(encodedBytes { $0.writeMapHeader(keyType: .binary, valueType: .i32, count: 0) } == [0x00])
        #expect(encodedBytes { $0.writeMapHeader(keyType: .binary, valueType: .i32, count: 2) } == [0x02, 0x85])
    }

    @Test func resetKeepsCapacity() {
        var encoder = CompactEncoder(reservingCapacity: 64)
        Fixtures.fullFileMetaData.encode(to: &encoder)
        let capacity = encoder.bytes.capacity
        encoder.reset()
        #expect(encoder.bytes.isEmpty)
        #expect(encoder.bytes.capacity == capacity)
        // Field-id state is reset too, so the next struct encodes as if fresh.
        Fixtures.fullPageHeader.encode(to: &encoder)
        #expect(encoder.bytes == Fixtures.fullPageHeader.encoded())
    }

    @Test func encodingAppendsToExistingBytes() {
        var encoder = CompactEncoder()
        encoder.bytes = [0xAA]
        Fixtures.minimalPageHeader.encode(to: &encoder)
        #expect(encoder.bytes == [0xAA] + Fixtures.minimalPageHeader.encoded())
    }
}
