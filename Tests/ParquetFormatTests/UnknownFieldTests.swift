import Testing

@testable import ParquetFormat

/// Fields a newer writer might add must be skipped, whatever their type.
@Suite struct UnknownFieldTests {
    /// Writes one field of every compact type, with ids `firstID` through `firstID + 13`,
    /// into the struct being encoded.
    static func writeFieldsOfEveryType(into encoder: inout CompactEncoder, firstID: Int16) {
        encoder.writeField(firstID, bool: true)
        encoder.writeField(firstID + 1, bool: false)
        encoder.writeField(firstID + 2, i8: -7)
        encoder.writeField(firstID + 3, i16: 1234)
        encoder.writeField(firstID + 4, i32: -99999)
        encoder.writeField(firstID + 5, i64: .max)
        encoder.writeField(firstID + 6, double: 0.1)
        encoder.writeField(firstID + 7, binary: [1, 2, 3])
        encoder.writeField(firstID + 8, i64List: Array(0..<20))
        encoder.writeField(firstID + 9, structList: [Fixtures.fullStatistics, Statistics()])
        encoder.writeFieldHeader(id: firstID + 10, type: .set)
        encoder.writeSetHeader(elementType: .bool, count: 2)
        encoder.writeBool(true)
        encoder.writeBool(false)
        encoder.writeFieldHeader(id: firstID + 11, type: .map)
        encoder.writeMapHeader(keyType: .binary, valueType: .struct, count: 1)
        encoder.writeString("nested")
        Fixtures.fullColumnMetaData.encode(to: &encoder)
        // A struct holding a struct holding a list of lists.
        encoder.writeFieldHeader(id: firstID + 12, type: .struct)
        encoder.beginStruct()
        encoder.writeFieldHeader(id: 40, type: .struct)
        encoder.beginStruct()
        encoder.writeFieldHeader(id: 1, type: .list)
        encoder.writeListHeader(elementType: .list, count: 2)
        encoder.writeListHeader(elementType: .i32, count: 1)
        encoder.writeI32(5)
        encoder.writeListHeader(elementType: .i32, count: 0)
        encoder.endStruct()
        encoder.endStruct()
        encoder.writeFieldHeader(id: firstID + 13, type: .uuid)
        encoder.bytes.append(contentsOf: Array(repeating: 0xAB, count: 16))
    }

    @Test func skipsUnknownFieldsOfEveryType() throws {
        var encoder = CompactEncoder()
        encoder.beginStruct()
        Self.writeFieldsOfEveryType(into: &encoder, firstID: 3)
        encoder.writeField(1, string: "key")  // known; long form because the id goes down
        Self.writeFieldsOfEveryType(into: &encoder, firstID: 100)
        encoder.writeField(2, string: "value")  // known
        encoder.endStruct()
        #expect(try KeyValue.decode(encoder.bytes) == KeyValue(key: "key", value: "value"))
    }

    @Test func skipsUnknownFieldsInNestedStructs() throws {
        // FileMetaData { 1: version 1, 2: schema [SchemaElement { 4: name "root", extras }],
        // 3: num_rows 5, 4: row_groups [], extras }
        var encoder = CompactEncoder()
        encoder.beginStruct()
        encoder.writeField(1, i32: 1)
        encoder.writeFieldHeader(id: 2, type: .list)
        encoder.writeListHeader(elementType: .struct, count: 1)
        encoder.beginStruct()
        encoder.writeField(4, string: "root")
        Self.writeFieldsOfEveryType(into: &encoder, firstID: 20)
        encoder.endStruct()
        encoder.writeField(3, i64: 5)
        encoder.writeField(4, structList: [RowGroup]())
        Self.writeFieldsOfEveryType(into: &encoder, firstID: 10)
        encoder.endStruct()
        let expected = FileMetaData(version: 1, schema: [SchemaElement(name: "root")], numRows: 5, rowGroups: [])
        #expect(try FileMetaData.decode(encoder.bytes) == expected)
    }

    @Test func mismatchedTypesAreSkippedLikeUnknownFields() throws {
        // KeyValue { 1: key = "k", 2: value as i32 instead of string }.
        let bytes: [UInt8] = [0x18, 0x01, 0x6B, 0x15, 0x02, 0x00]
        #expect(try KeyValue.decode(bytes) == KeyValue(key: "k"))
        // A required field with the wrong type is skipped, so it is missing.
        let error = expectDecodingError(KeyValue.self, [0x15, 0x02, 0x00])
        #expect(error?.message == "missing required field 'key' (id 1)")
    }

    @Test func emptyUnionMembersMaySkipAddedFields() throws {
        // LogicalType STRING whose StringType gained a field 1: i32 5.
        let bytes: [UInt8] = [0x1C, 0x15, 0x0A, 0x00, 0x00]
        #expect(try LogicalType.decode(bytes) == .string)
    }
}
