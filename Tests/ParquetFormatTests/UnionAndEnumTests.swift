import Testing

@testable import ParquetFormat

@Suite struct UnionAndEnumTests {
    @Test func unknownEnumValuesRoundTrip() throws {
        let element = SchemaElement(
            type: PhysicalType(rawValue: 42), repetitionType: FieldRepetitionType(rawValue: -3), name: "x",
            convertedType: ConvertedType(rawValue: 1000))
        let decoded = try SchemaElement.decode(element.encoded())
        #expect(decoded.type?.rawValue == 42)
        #expect(decoded.repetitionType?.rawValue == -3)
        #expect(decoded == element)
    }

    @Test func enumNamesReadNaturally() {
        #expect(PhysicalType.int64.rawValue == 2)
        #expect(PhysicalType.fixedLenByteArray.rawValue == 7)
        #expect(Encoding.rleDictionary.rawValue == 8)
        #expect(CompressionCodec.zstd.rawValue == 6)
        #expect(CompressionCodec.lz4Raw.rawValue == 7)
        #expect(PageType.dataPageV2.rawValue == 3)
        #expect(ConvertedType.interval.rawValue == 21)
        #expect(FieldRepetitionType.vector.rawValue == 3)
        #expect(BoundaryOrder.descending.rawValue == 2)
        #expect(EdgeInterpolationAlgorithm.karney.rawValue == 4)
        #expect(PhysicalType.int96.description == "INT96")
        #expect(Encoding.byteStreamSplit.description == "BYTE_STREAM_SPLIT")
        #expect(PhysicalType(rawValue: 9).description == "Type(9)")
        #expect(Encoding(rawValue: 1).description == "Encoding(1)")
    }

    @Test func enumsWorkInSwitches() {
        func width(_ type: PhysicalType) -> Int? {
            switch type {
            case .int32, .float: 4
            case .int64, .double: 8
            case .int96: 12
            default: nil
            }
        }
        #expect(width(.double) == 8)
        #expect(width(.byteArray) == nil)
    }

    @Test func unrecognizedUnionMembersRoundTripExactly() throws {
        // LogicalType member 42 holding a struct { 1: i32 7, 2: list<binary> ["ab"] }.
        let bytes: [UInt8] = [0x0C, 0x54, 0x15, 0x0E, 0x19, 0x18, 0x02, 0x61, 0x62, 0x00, 0x00]
        let decoded = try LogicalType.decode(bytes)
        guard case .unrecognized(let member) = decoded else {
            Issue.record("expected an unrecognized member, got \(decoded)")
            return
        }
        #expect(member.header == FieldHeader(id: 42, type: .struct))
        #expect(member.encodedValue == Array(bytes[2..<10]))
        #expect(decoded.encoded() == bytes)

        // A column order added later; readers must see that it is not one they know.
        let order = try ColumnOrder.decode([0x4C, 0x00, 0x00])
        #expect(
            order
                == .unrecognized(
                    UnrecognizedUnionMember(header: FieldHeader(id: 4, type: .struct), encodedValue: [0x00])))
        #expect(order.encoded() == [0x4C, 0x00, 0x00])

        // A boolean member keeps its value in the header.
        let boolMember = try TimeUnit.decode([0x51, 0x00])
        #expect(boolMember.encoded() == [0x51, 0x00])
    }

    @Test func knownUnionIDWithWrongTypeIsUnrecognized() throws {
        // TimeUnit MILLIS (1) as an i32 rather than a struct.
        let decoded = try TimeUnit.decode([0x15, 0x02, 0x00])
        #expect(
            decoded
                == .unrecognized(UnrecognizedUnionMember(header: FieldHeader(id: 1, type: .i32), encodedValue: [0x02])))
    }

    @Test func unionWithoutMemberThrows() {
        let error = expectDecodingError(LogicalType.self, [0x00])
        #expect(error?.message.contains("no member") == true)
    }

    @Test func unionWithTwoMembersThrows() {
        let error = expectDecodingError(ColumnOrder.self, [0x1C, 0x00, 0x1C, 0x00, 0x00])
        #expect(error?.message.contains("more than one member") == true)
    }

    @Test func missingRequiredFieldNamesTheField() {
        // DataPageHeader with num_values (1) but nothing else.
        let error = expectDecodingError(DataPageHeader.self, [0x15, 0x02, 0x00])
        #expect(error?.path == "DataPageHeader")
        #expect(error?.message == "missing required field 'encoding' (id 2)")
        #expect(error?.offset == 3)
    }
}
