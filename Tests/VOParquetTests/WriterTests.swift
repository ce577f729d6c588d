import Parquet
import ParquetFormat
import Testing

@testable import VOParquet

@Suite struct WriterTests {
    static func envelope(_ fields: String) throws -> VOTableEnvelope {
        try VOTableEnvelope(
            document: """
                <?xml version="1.0" encoding="UTF-8"?>
                <VOTABLE version="1.4"><RESOURCE type="results"><TABLE>
                \(fields)
                </TABLE></RESOURCE></VOTABLE>
                """)
    }

    static let scalarFields = """
        <FIELD name="flag" datatype="boolean"/><FIELD name="bit" datatype="bit"/>
        <FIELD name="u8" datatype="unsignedByte"/><FIELD name="i16" datatype="short"/>
        <FIELD name="i32" datatype="int"/><FIELD name="i64" datatype="long"/>
        <FIELD name="f32" datatype="float"/><FIELD name="f64" datatype="double"/>
        <FIELD name="text" datatype="char" arraysize="*"/><FIELD name="wide" datatype="unicodeChar" arraysize="*"/>
        <FIELD name="when" datatype="char" arraysize="*" xtype="timestamp"/>
        """

    @Test func mapsEveryScalarDatatype() throws {
        let sink = MemorySink()
        var options = VOParquetOptions()
        options.timestamps = .timestamp
        let writer = try VOParquetWriter(envelope: try Self.envelope(Self.scalarFields), sink: sink, options: options)
        #expect(
            writer.columns.map(\.column.type) == [
                .boolean, .boolean, .uint8, .int16, .int32, .int64, .float, .double, .string, .string,
                .timestamp(unit: .micros, adjustedToUTC: true),
            ])
        #expect(writer.columns.allSatisfy { $0.column.repetition == .optional })
        try writer.append(true)
        try writer.append(false)
        try writer.append(UInt8(255))
        try writer.append(Int16(-32768))
        try writer.append(Int32(7))
        try writer.append(Int64.max)
        try writer.append(Float(1.5))
        try writer.append(-0.0)
        try writer.append("abc")
        try writer.append("\u{1F600}")
        try writer.append("2024-02-29T12:34:56.789Z")
        try writer.endRow()
        try writer.appendRow(Array(repeating: .null, count: 11))
        try writer.finish()
        let metadata = try FileFooter.metadata(of: sink.bytes)
        #expect(metadata.numRows == 2)
        #expect(FileFooter.keyValue("IVOA.VOTable-Parquet.version", in: metadata) == "1.0")
        let content = try #require(FileFooter.keyValue("IVOA.VOTable-Parquet.content", in: metadata))
        #expect(try VOTableEnvelope(document: content).fields == writer.envelope.fields)
        #expect(try FileFooter.metadata(of: sink.bytes).numRows == 2)
        #expect(metadata.schema[3].logicalType == .integer(bitWidth: 8, isSigned: false))
        #expect(metadata.schema[4].logicalType == .integer(bitWidth: 16, isSigned: true))
    }

    @Test func valuesThatDoNotFitGetTheCoreWritersErrors() throws {
        let writer = try VOParquetWriter(envelope: try Self.envelope(Self.scalarFields), sink: MemorySink())
        try writer.append(true)
        try writer.append(true)
        #expect(throws: VOParquetError.writer(.typeMismatch(column: "u8", row: 0, expected: "uint8", got: "String"))) {
            try writer.append("x")
        }
        try writer.append(true)
        try writer.append(true)
        try writer.append(UInt8(1))
        #expect(
            throws: VOParquetError.writer(
                .valueOutOfRange(column: "i16", row: 0, value: "40000", allowed: "-32768...32767"))
        ) {
            try writer.append(Int32(40000))
        }
        // After a rejection the row starts over.
        try writer.appendRow([
            .bool(true), .bool(false), .int(1), .int(2), .int(3), .int(4), .float(5), .double(6),
            .string("a"), .string("b"), .string("2020-01-01"),
        ])
        #expect(throws: VOParquetError.writer(.missingCell(column: "text", row: 1))) {
            try writer.appendRow([.bool(true), .bool(false), .int(1), .int(2), .int(3), .int(4), .float(5), .double(6)])
        }
        #expect(writer.rowCount == 1)
        try writer.finish()
    }

    @Test func timestampsAreParsedOrRejected() throws {
        var options = VOParquetOptions()
        options.timestamps = .timestamp
        let writer = try VOParquetWriter(
            envelope: try Self.envelope("<FIELD name='t' datatype='char' arraysize='*' xtype='timestamp'/>"),
            sink: MemorySink(), options: options)
        for text in ["2024-01-01", "2024-01-01T00:00:00", "1969-12-31T23:59:59.999999Z", "2024-01-01 01:00:00+01:00"] {
            try writer.append(text)
            try writer.endRow()
        }
        #expect(throws: VOParquetError.invalidTimestamp(column: "t", row: 4, text: "2024-02-30")) {
            try writer.append("2024-02-30")
        }
        #expect(writer.rowCount == 4)
        try writer.finish()
    }

    @Test func iso8601Values() {
        func micros(_ text: String) -> Int64? {
            var text = text
            return text.withUTF8 { ISO8601Timestamp.microseconds(UnsafeRawBufferPointer($0)) }
        }
        #expect(micros("1970-01-01") == 0)
        #expect(micros("1970-01-01T00:00:01.5") == 1_500_000)
        #expect(micros("1969-12-31T23:59:59.999999Z") == -1)
        #expect(micros("2000-03-01T00:00:00Z") == 951_868_800_000_000)
        #expect(micros("2024-01-01T01:00:00+01:00") == micros("2024-01-01T00:00:00"))
        #expect(micros("2024-01-01T00:00:00-0130") == micros("2024-01-01T01:30:00"))
        #expect(micros("2024-01-01T00:00:00.1234567891") == micros("2024-01-01").map { $0 + 123_456 })
        for bad in [
            "", "2024", "2024-13-01", "2024-02-30", "2023-02-29", "2024-01-01T24:00", "2024-01-01T10",
            "2024-01-01T10:00:00.", "2024-01-01T10:00:00Zjunk", "2024-01-01T10:00:61",
        ] {
            #expect(micros(bad) == nil, "\(bad)")
        }
    }

    @Test func longStringsAreCutOnCharacterBoundaries() throws {
        let fields = """
            <FIELD name="c4" datatype="char" arraysize="4*"/><FIELD name="c1" datatype="char"/>
            <FIELD name="u3" datatype="unicodeChar" arraysize="3"/>
            """
        let writer = try VOParquetWriter(envelope: try Self.envelope(fields), sink: MemorySink())
        #expect(writer.columns.map(\.maximumStringLength) == [4, 1, 3])
        // "ab" + "é" (2 bytes) + "c": 5 bytes, cut to 4 → "abé"; "aé" cut to 1 byte → "a";
        // "x😀y" is 4 UTF-16 units: cut to 3 → "x😀".
        try writer.appendRow([.string("ab\u{E9}c"), .string("a\u{E9}"), .string("x\u{1F600}y")])
        try writer.appendRow([.string("abc\u{E9}"), .string(""), .string("\u{1F600}\u{1F600}")])
        try writer.finish()

        var options = VOParquetOptions()
        options.overlongStrings = .reject
        let strict = try VOParquetWriter(envelope: try Self.envelope(fields), sink: MemorySink(), options: options)
        #expect(throws: VOParquetError.stringTooLong(column: "c4", row: 0, length: 5, limit: 4)) {
            try strict.appendRow([.string("ab\u{E9}c"), .string("a"), .string("x")])
        }
        #expect(throws: VOParquetError.stringTooLong(column: "u3", row: 0, length: 4, limit: 3)) {
            try strict.appendRow([.string("abcd"), .string("a"), .string("x\u{1F600}y")])
        }
        try strict.appendRow([.string("abcd"), .string("a"), .string("xyz")])
        #expect(strict.rowCount == 1)
    }

    @Test func stringPrefixes() {
        func prefix(_ text: String, bytes: Int) -> String {
            let utf8 = Array(text.utf8)
            let length = utf8.withUnsafeBytes { StringLimit.utf8PrefixLength($0, maxBytes: bytes) }
            return String(decoding: utf8[..<length], as: UTF8.self)
        }
        func prefix(_ text: String, units: Int) -> String {
            let utf8 = Array(text.utf8)
            let length = utf8.withUnsafeBytes { StringLimit.utf16PrefixLength($0, maxUnits: units) }
            return String(decoding: utf8[..<length], as: UTF8.self)
        }
        #expect(prefix("ab\u{E9}c", bytes: 3) == "ab")
        #expect(prefix("ab\u{E9}c", bytes: 4) == "ab\u{E9}")
        #expect(prefix("\u{1F600}", bytes: 3) == "")
        #expect(prefix("\u{20AC}x", bytes: 3) == "\u{20AC}")
        #expect(prefix("x\u{1F600}y", units: 2) == "x")
        #expect(prefix("x\u{1F600}y", units: 3) == "x\u{1F600}")
        #expect(prefix("\u{E9}\u{20AC}", units: 5) == "\u{E9}\u{20AC}")
    }

    @Test func arraysBecomeListsWithCheckedLengths() throws {
        let fields = """
            <FIELD name="fixed" datatype="short" arraysize="3"/><FIELD name="upTo" datatype="double" arraysize="2*"/>
            <FIELD name="any" datatype="int" arraysize="*"/><FIELD name="grid" datatype="float" arraysize="2x2"/>
            <FIELD name="bits" datatype="bit" arraysize="5"/><FIELD name="z" datatype="doubleComplex"/>
            <FIELD name="zs" datatype="floatComplex" arraysize="*"/><FIELD name="one" datatype="int" arraysize="1"/>
            """
        let sink = MemorySink()
        let writer = try VOParquetWriter(envelope: try Self.envelope(fields), sink: sink)
        #expect(
            writer.columns.map(\.column.type) == [
                .list(element: .int16), .list(element: .double), .list(element: .int32), .list(element: .float),
                .list(element: .boolean), .list(element: .double), .list(element: .float), .int32,
            ])
        #expect(writer.columns.map(\.fixedElementCount) == [3, nil, nil, 4, 5, 2, nil, nil])
        #expect(writer.columns.map(\.maximumElementCount) == [3, 2, nil, 4, 5, 2, nil, nil])
        try writer.appendArray([Int16(1), 2, 3])
        try writer.beginArray()
        try writer.append(1.5)
        try writer.appendNull()
        try writer.endArray()
        try writer.appendArray([Int32]())
        try writer.appendArray([Float(1), 2, 3, 4])
        try writer.appendArray([true, false, true, true, false])
        try writer.appendArray([1.0, -1.0])
        try writer.appendNull()
        try writer.append(Int32(9))
        try writer.endRow()

        #expect(throws: VOParquetError.writer(.wrongFixedLength(column: "fixed", row: 1, expected: 3, got: 2))) {
            try writer.appendArray([Int16(1), 2])
        }
        try writer.appendArray([Int16(1), 2, 3])
        #expect(
            throws: VOParquetError.writer(
                .valueOutOfRange(column: "upTo", row: 1, value: "3 elements", allowed: "at most 2 elements"))
        ) {
            try writer.appendRow([.list([.double(1), .double(2), .double(3)])])
        }
        try writer.appendArray([Int16(1), 2, 3])
        try writer.appendArray([1.0])
        #expect(
            throws: VOParquetError.writer(
                .valueOutOfRange(column: "any", row: 1, value: "73400320000", allowed: "-2147483648...2147483647"))
        ) {
            try writer.appendArray([Int64(1), 70000 << 20])
        }
        try writer.appendRow([
            .list([.int(1), .int(2), .int(3)]), .null, .list([.int(7)]), .null, .null, .null, .list([]), .null,
        ])
        #expect(writer.rowCount == 2)
        try writer.finish()
        #expect(try FileFooter.metadata(of: sink.bytes).numRows == 2)
    }

    @Test func rowLimitRefusesWithoutFailing() throws {
        let sink = MemorySink()
        var options = VOParquetOptions()
        options.maxRows = 2
        let writer = try VOParquetWriter(
            envelope: try Self.envelope("<FIELD name='n' datatype='int'/>"), sink: sink, options: options)
        try writer.appendRow([.int(1)])
        try writer.appendRow([.int(2)])
        #expect(throws: VOParquetError.limitReached(.maxRows(2))) { try writer.appendRow([.int(3)]) }
        #expect(throws: VOParquetError.limitReached(.maxRows(2))) { try writer.append(Int32(4)) }
        try writer.finish(overflow: true, extraInfos: [VOTableInfo(name: "rows", value: "2")])
        let metadata = try FileFooter.metadata(of: sink.bytes)
        #expect(metadata.numRows == 2)
        let content = try #require(FileFooter.keyValue("IVOA.VOTable-Parquet.content", in: metadata))
        #expect(
            content.contains(
                "</TABLE>\n<INFO name=\"rows\" value=\"2\"/>\n<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>"))
        #expect(throws: VOParquetError.writer(.writerClosed)) { try writer.finish() }
    }

    /// Rows of very different compressibility, with maxBytes from tiny to large:
    /// the file never passes maxBytes, and a generous limit is mostly used.
    @Test func byteLimitIsNeverPassed() throws {
        let fields = """
            <FIELD name="id" datatype="long"/><FIELD name="x" datatype="double"/>
            <FIELD name="note" datatype="char" arraysize="*"/><FIELD name="v" datatype="float" arraysize="*"/>
            """
        var generator = SplitMix(seed: 42)
        for codec in [Compression.uncompressed, .snappy, .zstd(level: 3)] {
            for maxBytes in [6_000, 20_000, 150_000, 1_000_000] {
                let sink = MemorySink()
                var options = VOParquetOptions()
                options.maxBytes = maxBytes
                options.writer.compression = codec
                options.writer.maxRowGroupRows = 700
                let writer = try VOParquetWriter(envelope: try Self.envelope(fields), sink: sink, options: options)
                var refused = false
                for row in 0..<20_000 {
                    let length = Int(generator.next() % 200)
                    let note = String(
                        (0..<length).map { _ in Character(Unicode.Scalar(UInt8(33 + generator.next() % 90))) })
                    do {
                        try writer.append(Int64(row))
                        try writer.append(Double(bitPattern: generator.next()))
                        try writer.append(note)
                        try writer.appendArray(
                            (0..<Int(generator.next() % 5)).map { _ in
                                Float(bitPattern: UInt32(truncatingIfNeeded: generator.next()))
                            })
                        try writer.endRow()
                    } catch {
                        #expect(error == .limitReached(.maxBytes(maxBytes)))
                        refused = true
                        break
                    }
                }
                try writer.finish(
                    overflow: refused,
                    extraInfos: [VOTableInfo(name: "note", value: String(repeating: "z", count: 3000))])
                #expect(refused, "\(codec) \(maxBytes)")
                #expect(sink.bytes.count <= maxBytes, "\(codec) \(maxBytes): \(sink.bytes.count) bytes")
                if maxBytes >= 150_000 {
                    #expect(sink.bytes.count > maxBytes / 3, "\(codec) \(maxBytes): only \(sink.bytes.count) bytes")
                }
                #expect(try FileFooter.metadata(of: sink.bytes).numRows == Int64(writer.rowCount))
            }
        }
    }

    @Test func infoReserveAndTinyLimitsAreChecked() throws {
        var options = VOParquetOptions()
        options.maxBytes = 100
        #expect(throws: VOParquetError.self) {
            _ = try VOParquetWriter(
                envelope: try Self.envelope("<FIELD name='n' datatype='int'/>"), sink: MemorySink(), options: options)
        }
        options.maxBytes = 100_000
        options.infoReserveBytes = 10
        let writer = try VOParquetWriter(
            envelope: try Self.envelope("<FIELD name='n' datatype='int'/>"), sink: MemorySink(), options: options)
        let info = VOTableInfo(name: "rows", value: "12345678901234567890")
        let budget = writer.envelope.content(overflow: true).utf8.count + 10
        let bytes = writer.envelope.content(overflow: true, extraInfos: [info]).utf8.count
        #expect(throws: VOParquetError.metadataTooLarge(bytes: bytes, budget: budget)) {
            try writer.finish(overflow: true, extraInfos: [info])
        }
        #expect(throws: VOParquetError.invalidVOTable("INFO 'bad' holds a character XML cannot carry")) {
            try writer.finish(extraInfos: [VOTableInfo(name: "bad", value: "\u{1}")])
        }
        try writer.finish()
    }

    @Test func footerBoundHoldsForLongStatistics() throws {
        let names = (0..<40).map { "column_with_a_rather_long_name_\($0)" }
        let fields = names.enumerated().map { index, name in
            index % 2 == 0
                ? "<FIELD name='\(name)' datatype='char' arraysize='*'/>"
                : "<FIELD name='\(name)' datatype='double' arraysize='*'/>"
        }.joined()
        let envelope = try Self.envelope(fields)
        var options = VOParquetOptions()
        options.writer.maxRowGroupRows = 3
        let sink = MemorySink()
        let writer = try VOParquetWriter(envelope: envelope, sink: sink, options: options)
        for row in 0..<30 {
            for index in 0..<names.count {
                if index % 2 == 0 {
                    try writer.append(String(repeating: "\u{E9}", count: 100 + row))
                } else {
                    try writer.appendArray([Double(row), -Double(row), .nan])
                }
            }
            try writer.endRow()
        }
        try writer.finish(overflow: true)
        let bound = OutputSizeBound(
            columns: writer.columns, envelope: envelope, options: options,
            pageMemoryLimit: writer.core.memoryPlan.pageMemoryLimit)
        let footer = FileFooter.length(of: sink.bytes) + 8
        #expect(footer <= bound.footer(rowGroups: 10) - options.infoReserveBytes, "footer \(footer)")
    }

    @Test func streamsThroughAnAsyncChunkSink() async throws {
        let sink = AsyncChunkSink(chunkSize: 4096, maxBufferedChunks: 2)
        var options = VOParquetOptions()
        options.writer.maxRowGroupRows = 500
        let writer = try VOParquetWriter(
            envelope: try Self.envelope("<FIELD name='x' datatype='double'/>"), sink: sink, options: options)
        async let collected: [UInt8] = {
            var bytes: [UInt8] = []
            for try await chunk in sink.chunks { bytes += chunk }
            return bytes
        }()
        for row in 0..<5000 {
            try writer.append(Double(row))
            try await writer.endRowWaitingForDemand()
        }
        try writer.finish()
        let file = try await collected
        #expect(try FileFooter.metadata(of: file).numRows == 5000)
    }
}

/// A small deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
