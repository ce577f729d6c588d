import Foundation
import InteropSupport
import Parquet
import Testing

/// Bad list input is rejected like any other cell: the whole row is rolled back,
/// including a list cell half built, and the file keeps every accepted row.
@Suite struct ListErrorTests {
    static let columns = [
        Column("id", .int32, .required),
        Column("bytes", .list(element: .uint8, elementRepetition: .required)),
        Column("pairs", .list(element: .list(element: .double))),
        Column("label", .string),
    ]

    @Test func badListRowsAreRolledBack() throws {
        let sink = MemorySink()
        var options = WriterOptions()
        options.dataPageRowLimit = 3
        let writer = try ParquetWriter(schema: try Schema(Self.columns), sink: sink, options: options)
        var expected: [[ExpectedValue]] = [[], [], [], []]
        var id: Int32 = 0
        func good(_ bytes: [UInt8]?, _ pairs: [[Double]]?) throws {
            try writer.append(id)
            if let bytes { try writer.appendList(bytes) } else { try writer.appendNull() }
            if let pairs {
                try writer.beginList()
                for pair in pairs { try writer.appendList(pair) }
                try writer.endList()
            } else {
                try writer.appendNull()
            }
            try writer.append("row \(id)")
            try writer.endRow()
            expected[0].append(.integer(Int128(id)))
            expected[1].append(bytes.map { .list($0.map { .integer(Int128($0)) }) } ?? .null)
            expected[2].append(pairs.map { .list($0.map { .list($0.map(ExpectedValue.real)) }) } ?? .null)
            expected[3].append(.text("row \(id)"))
            id += 1
        }
        try good([1, 2, 3], [[1.5, 2.5], []])

        // An element outside UINT8 in a bulk list: nothing of the row stays.
        try writer.append(id)
        #expect(throws: ParquetWriterError.valueOutOfRange(column: "bytes", row: 1, value: "256", allowed: "0...255")) {
            try writer.appendList([Int32(7), 256])
        }
        // A null element in a list of REQUIRED elements, after some elements went in.
        try writer.append(id)
        try writer.beginList()
        try writer.append(UInt8(9))
        #expect(throws: ParquetWriterError.nullListElement(column: "bytes", row: 1)) { try writer.appendNull() }
        // A scalar where a list goes, and a list where a scalar goes.
        try writer.append(id)
        #expect(
            throws: ParquetWriterError.typeMismatch(column: "bytes", row: 1, expected: "list of uint8", got: "UInt8")
        ) {
            try writer.append(UInt8(1))
        }
        #expect(throws: ParquetWriterError.typeMismatch(column: "id", row: 1, expected: "int32", got: "list")) {
            try writer.beginList()
        }
        // A list where the inner list's element goes, inside a half-built list of lists.
        try writer.append(id)
        try writer.appendList([UInt8(4)])
        try writer.beginList()
        try writer.appendList([0.5])
        try writer.beginList()
        #expect(
            throws: ParquetWriterError.typeMismatch(
                column: "pairs", row: 1, expected: "double list element", got: "list")
        ) {
            try writer.beginList()
        }
        // endList with nothing open.
        #expect(throws: ParquetWriterError.noOpenList(row: 1)) { try writer.endList() }
        // A row that ends inside a list.
        try writer.append(id)
        try writer.appendList([UInt8(4)])
        try writer.beginList()
        #expect(throws: ParquetWriterError.missingCell(column: "pairs", row: 1)) { try writer.endRow() }
        // discardRow mid-list, then good rows across page boundaries.
        try writer.append(id)
        try writer.beginList()
        writer.discardRow()
        try good([], nil)
        try good(nil, [[.nan], [-0.0, 1e300]])
        try good([255, 0], [])
        try good([5], [[], [], [2]])
        let metadata = try writer.close()
        #expect(metadata.numRows == 5)

        let file = ExpectedFile(columns: zip(Self.columns, expected).map { ($0, $1) }, rowGroups: 1)
        try InteropOutput.save("list_errors_recovered", bytes: sink.bytes, expected: file)
        let chunk = try #require(metadata.rowGroups.first?.columns[2].metaData)
        // One slot per element, empty list and null list; the empty and null ones count as nulls.
        #expect(chunk.numValues == 3 + 1 + 3 + 1 + 3)
        #expect(chunk.statistics?.nullCount == 5)
    }
}
