import Testing

@testable import ParquetFormat

/// Malformed input must throw ThriftDecodingError promptly and never trap.
@Suite struct CorruptInputTests {
    @Test func truncationAtEveryByteThrows() {
        let bytes = Fixtures.fullFileMetaData.encoded()
        for length in 0..<bytes.count {
            let error = expectDecodingError(FileMetaData.self, Array(bytes.prefix(length)))
            #expect(error?.offset ?? -1 <= length)
        }
    }

    @Test func truncatedPageHeadersThrowWithinALargerBuffer() {
        // The range ends early while the array continues: reading must stop at the range.
        let bytes = Fixtures.fullPageHeader.encoded()
        for length in 0..<bytes.count {
            var decoder = CompactDecoder(bytes, range: 0..<length)
            #expect(throws: ThriftDecodingError.self) { try PageHeader(from: &decoder) }
        }
    }

    @Test func hugeListCountThrowsWithoutAllocating() {
        // FileMetaData { 1: version 1, 2: schema: list<struct> of 2^31 - 1 elements } and 3 bytes more.
        let maxCount: [UInt8] = [0x15, 0x02, 0x19, 0xFC, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x00, 0x00, 0x00]
        let error = expectDecodingError(FileMetaData.self, maxCount)
        #expect(error?.message.contains("2147483647 elements") == true)
        #expect(error?.path == "FileMetaData.schema")
        // 2^31 does not even fit an i32 count.
        let overflowingCount: [UInt8] = [0x15, 0x02, 0x19, 0xFC, 0x80, 0x80, 0x80, 0x80, 0x08, 0x00]
        expectDecodingError(FileMetaData.self, overflowingCount)
        // The same for an unknown list field that is being skipped, and for a map.
        expectDecodingError(KeyValue.self, [0x39, 0xF5, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x00])
        expectDecodingError(KeyValue.self, [0x3B, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x55, 0x00])
    }

    @Test func hugeBinaryLengthThrows() {
        // KeyValue { 1: key with length 2^31 - 1 } and two bytes more.
        let error = expectDecodingError(KeyValue.self, [0x18, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x61, 0x00])
        #expect(error?.path == "KeyValue.key")
        #expect(error?.offset == 1)
    }

    @Test func deepNestingThrows() {
        // An unknown field 1 of type struct whose field 1 is a struct, 1000 levels deep.
        let nestedStructs = [UInt8](repeating: 0x1C, count: 1000) + [UInt8](repeating: 0x00, count: 1001)
        let error = expectDecodingError(Statistics.self, nestedStructs)
        #expect(error?.message.contains("nesting deeper than 64") == true)

        // Lists of lists of lists...
        let nestedLists = [UInt8(0x19)] + [UInt8](repeating: 0x19, count: 1000) + [0x00]
        expectDecodingError(Statistics.self, nestedLists)

        // Exactly at the limit is fine: 63 nested unknown structs inside the top-level one.
        let atLimit = [UInt8](repeating: 0x1C, count: 63) + [UInt8](repeating: 0x00, count: 64)
        #expect(throws: Never.self) { try Statistics.decode(atLimit) }
        let overLimit = [UInt8](repeating: 0x1C, count: 64) + [UInt8](repeating: 0x00, count: 65)
        expectDecodingError(Statistics.self, overLimit)
    }

    @Test func errorsReportWhereTheyHappened() {
        // Truncate inside the deprecated `max` of the first column chunk's statistics.
        let marker: [UInt8] = [0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6, 0xA7, 0xB8]
        var metadata = Fixtures.minimalFileMetaData
        var chunk = ColumnChunk(metaData: Fixtures.minimalColumnMetaData)
        chunk.metaData?.statistics = Statistics(max: marker)
        metadata.rowGroups = [
            RowGroup(columns: [ColumnChunk(metaData: Fixtures.minimalColumnMetaData)], totalByteSize: 0, numRows: 0),
            RowGroup(columns: [ColumnChunk(), chunk], totalByteSize: 0, numRows: 0),
        ]
        let bytes = metadata.encoded()
        guard let markerStart = bytes.indices.first(where: { bytes[$0...].starts(with: marker) }) else {
            Issue.record("marker not found")
            return
        }
        let error = expectDecodingError(FileMetaData.self, Array(bytes.prefix(markerStart + 3)))
        #expect(error?.path == "FileMetaData.row_groups[1].columns[1].meta_data.statistics.max")
        #expect(error?.structName == "Statistics")
        // The length byte precedes the marker.
        #expect(error?.offset == markerStart - 1)
        #expect(
            error?.description.hasPrefix(
                "Thrift decoding error at byte \(markerStart - 1) in FileMetaData.row_groups[1]") == true)
    }

    @Test func randomByteFlipsNeverCrash() {
        var generator = SeededGenerator(state: 0x5EED)
        let original = Fixtures.fullFileMetaData.encoded()
        var decodedCount = 0
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] = UInt8.random(in: 0...255, using: &generator)
            }
            if let decoded = try? FileMetaData.decode(bytes) {
                decodedCount += 1
                // Whatever decoded must re-encode and decode to itself.
                #expect((try? FileMetaData.decode(decoded.encoded())) == decoded)
            }
        }
        // Some flips only change values; the loop must have exercised both outcomes.
        #expect(decodedCount > 0 && decodedCount < 3000)
    }

    @Test func randomBytesDecodeConsistentlyOrFailWithinTheInput() {
        var generator = SeededGenerator(state: 42)
        var outcomes = (decoded: 0, failed: 0)
        func check<Value: ThriftCodable & Equatable>(_: Value.Type, _ bytes: [UInt8]) {
            do {
                // A prefix decode, as for page headers, succeeds far more often than a whole one.
                let (value, byteCount) = try Value.decode(bytes, at: 0)
                outcomes.decoded += 1
                #expect(byteCount <= bytes.count)
                // What decoded must survive a re-encoding unchanged.
                #expect((try? Value.decode(value.encoded())) == value, "\(Value.self) from \(bytes)")
            } catch {
                outcomes.failed += 1
                // The error must point into the input and name a place when inside a struct.
                #expect((0...bytes.count).contains(error.offset), "\(error) for \(bytes.count) bytes")
                #expect(error.structName == nil || !error.path.isEmpty, "\(error)")
                #expect(!error.message.isEmpty)
            }
        }
        for _ in 0..<3000 {
            let count = Int.random(in: 0..<64, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            check(FileMetaData.self, bytes)
            check(PageHeader.self, bytes)
            check(LogicalType.self, bytes)
            check(Statistics.self, bytes)
            var decoder = CompactDecoder(bytes)
            if (try? decoder.skip(.struct)) != nil {
                // A skipped struct cannot end past the input.
                #expect(decoder.bytesConsumed <= bytes.count)
            }
        }
        // Random bytes must exercise both outcomes, or the loop checks nothing.
        #expect(outcomes.decoded > 50 && outcomes.failed > 50, "\(outcomes)")
    }
}
