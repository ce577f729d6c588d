import Foundation
import InteropSupport
import Parquet
import ParquetFormat
import Testing

/// LIST columns for the Python readers to check: a list of every primitive type,
/// REQUIRED and OPTIONAL elements and lists, fixed-size and variable-length arrays,
/// and lists of lists, with null lists, empty lists and null elements, across
/// several pages and row groups.
@Suite struct ListInteropTests {
    static let rows = 2_300
    static let rowGroupRows = 1_000

    /// A list column and how its row's cell is made.
    struct ListColumn {
        let column: Column
        let cell: (Int) -> ExpectedValue
        let append: (ParquetWriter<MemorySink>, Int) throws(ParquetWriterError) -> Void
        let hasCheckableStatistics: Bool
    }

    @Test(arguments: [ColumnEncoding.plain, .dictionary])
    func everyElementType(encoding: ColumnEncoding) throws {
        var columns = TestColumn.everyType(.optional).map { Self.variableLengthList(of: $0) }
        columns += [
            Self.requiredElements(), Self.requiredList(), Self.fixedSizeDoubles(), Self.listOfLists(),
            Self.requiredListOfLists(), Self.cellEnumList(),
        ]
        var options = WriterOptions()
        options.encoding = encoding
        options.dropsIneffectiveDictionaries = false
        options.compression = encoding == .plain ? .snappy : .zstd(level: 3)
        options.dataPageRowLimit = 300
        options.maxRowGroupRows = Self.rowGroupRows
        let name = "lists_\(encoding == .plain ? "plain" : "dict")"
        let metadata = try writeAndSave(name, columns: columns, options: options)
        #expect(metadata.rowGroups.count == 3)
        let schema = metadata.schema
        // Each list column is the three-level group: name (LIST) { repeated group list { element } }.
        let list = try #require(schema.firstIndex { $0.name == "l_i32" })
        #expect(schema[list].convertedType == .list && schema[list].logicalType == .list)
        #expect(schema[list + 1].name == "list" && schema[list + 1].repetitionType == .repeated)
        #expect(schema[list + 2].name == "element" && schema[list + 2].type == .int32)
        let chunk = try #require(metadata.rowGroups[0].columns.first { $0.metaData?.pathInSchema.first == "ll_i64" })
        #expect(chunk.metaData?.pathInSchema == ["ll_i64", "list", "element", "list", "element"])
    }

    /// A page byte limit small enough that list cells spread over many pages.
    @Test func smallPages() throws {
        var options = WriterOptions()
        options.dataPageSizeLimit = 2_000
        options.maxRowGroupRows = Self.rowGroupRows
        let columns = [
            Self.variableLengthList(of: TestColumn.everyType(.optional).first { $0.column.name == "s" }!),
            Self.fixedSizeDoubles(), Self.listOfLists(),
        ]
        let metadata = try writeAndSave("lists_small_pages", columns: columns, options: options, pageIndex: true)
        let pages = metadata.rowGroups[0].columns[0].metaData!.encodingStats!.filter { $0.pageType == .dataPage }
        #expect(pages.map(\.count).reduce(0, +) > 5)
    }

    // MARK: Columns

    /// LIST<OPTIONAL T> of the test column's values: 0–4 elements, some null, some lists null.
    static func variableLengthList(of base: TestColumn) -> ListColumn {
        let type = ColumnType.list(element: base.column.type, elementRepetition: .optional)
        let shape = { (row: Int) -> [TestCell?]? in
            if row % 7 == 3 { return nil }
            return (0..<(row % 5)).map { index in (row + index) % 4 == 1 ? nil : base.cell(row: row * 3 + index) }
        }
        return ListColumn(
            column: Column("l_" + base.column.name, type),
            cell: { row in
                guard let elements = shape(row) else { return .null }
                return .list(elements.map { $0?.expected(for: base.column.type) ?? .null })
            },
            append: { writer, row throws(ParquetWriterError) in
                guard let elements = shape(row) else { return try writer.appendNull() }
                try writer.beginList()
                for element in elements {
                    if let element { try element.append(to: writer) } else { try writer.appendNull() }
                }
                try writer.endList()
            },
            hasCheckableStatistics: base.hasCheckableStatistics)
    }

    /// OPTIONAL list of REQUIRED int16 elements, appended in bulk.
    static func requiredElements() -> ListColumn {
        let values = { (row: Int) -> [Int16]? in
            row % 9 == 4 ? nil : (0..<(row % 6)).map { Int16(truncatingIfNeeded: row * 37 + $0 * 1_001) }
        }
        return ListColumn(
            column: Column("l_req_i16", .list(element: .int16, elementRepetition: .required)),
            cell: { row in values(row).map { .list($0.map { .integer(Int128($0)) }) } ?? .null },
            append: { writer, row throws(ParquetWriterError) in
                guard let elements = values(row) else { return try writer.appendNull() }
                try writer.appendList(elements)
            },
            hasCheckableStatistics: true)
    }

    /// REQUIRED list of OPTIONAL strings: never a null list, sometimes empty.
    static func requiredList() -> ListColumn {
        let values = { (row: Int) -> [String?] in
            (0..<(row % 4)).map { $0 == 2 ? nil : "r\(row)-\($0)-ü" }
        }
        return ListColumn(
            column: Column("req_l_s", .list(element: .string), .required),
            cell: { row in .list(values(row).map { $0.map(ExpectedValue.text) ?? .null }) },
            append: { writer, row throws(ParquetWriterError) in
                try writer.beginList()
                for value in values(row) {
                    if let value { try writer.append(value) } else { try writer.appendNull() }
                }
                try writer.endList()
            },
            hasCheckableStatistics: false)
    }

    /// A VOTable-style `double[3]`: always three elements, NaN included, appended from a buffer.
    static func fixedSizeDoubles() -> ListColumn {
        let values = { (row: Int) -> [Double]? in
            row % 13 == 0 ? nil : [Double(row) * 0.5, row % 10 == 1 ? .nan : -Double(row), 1e-300 * Double(row)]
        }
        return ListColumn(
            column: Column("fixed_f64x3", .list(element: .double, elementRepetition: .required)),
            cell: { row in values(row).map { .list($0.map(ExpectedValue.real)) } ?? .null },
            append: { writer, row throws(ParquetWriterError) in
                guard let elements = values(row) else { return try writer.appendNull() }
                let failure = elements.withUnsafeBufferPointer { buffer -> ParquetWriterError? in
                    do throws(ParquetWriterError) {
                        try writer.appendList(buffer)
                        return nil
                    } catch { return error }
                }
                if let failure { throw failure }
            },
            hasCheckableStatistics: true)
    }

    /// LIST<LIST<INT64>>: null outer lists, empty outer and inner lists, null inner lists and elements.
    static func listOfLists() -> ListColumn {
        let shape = { (row: Int) -> [[Int64?]?]? in
            if row % 11 == 5 { return nil }
            return (0..<(row % 4)).map { outer in
                if (row + outer) % 6 == 2 { return nil }
                return (0..<((row + outer) % 3)).map { inner in
                    (row + inner) % 5 == 0 ? nil : Int64(row) * 1_000 + Int64(outer * 10 + inner)
                }
            }
        }
        return ListColumn(
            column: Column("ll_i64", .list(element: .list(element: .int64))),
            cell: { row in
                guard let outer = shape(row) else { return .null }
                return .list(
                    outer.map { inner in
                        inner.map { .list($0.map { $0.map { .integer(Int128($0)) } ?? .null }) } ?? .null
                    })
            },
            append: { writer, row throws(ParquetWriterError) in
                guard let outer = shape(row) else { return try writer.appendNull() }
                try writer.beginList()
                for inner in outer {
                    guard let inner else {
                        try writer.appendNull()
                        continue
                    }
                    try writer.beginList()
                    for value in inner {
                        if let value { try writer.append(value) } else { try writer.appendNull() }
                    }
                    try writer.endList()
                }
                try writer.endList()
            },
            hasCheckableStatistics: true)
    }

    /// An `int[2x*]`-style column: REQUIRED lists of REQUIRED pairs of REQUIRED int32.
    static func requiredListOfLists() -> ListColumn {
        let pairs = { (row: Int) -> [[Int32]] in
            (0..<(row % 3)).map { [Int32(row), Int32(-$0 - 1)] }
        }
        return ListColumn(
            column: Column(
                "req_ll_i32x2",
                .list(
                    element: .list(element: .int32, elementRepetition: .required),
                    elementRepetition: .required), .required),
            cell: { row in .list(pairs(row).map { .list($0.map { .integer(Int128($0)) }) }) },
            append: { writer, row throws(ParquetWriterError) in
                try writer.beginList()
                for pair in pairs(row) { try writer.appendList(pair) }
                try writer.endList()
            },
            hasCheckableStatistics: true)
    }

    /// A list of booleans given as `Cell.list`.
    static func cellEnumList() -> ListColumn {
        let cells = { (row: Int) -> Cell in
            row % 8 == 7
                ? .null : .list((0..<(row % 3)).map { $0 == 1 && row % 2 == 0 ? .null : .bool(($0 + row) % 3 == 0) })
        }
        return ListColumn(
            column: Column("cells_bool", .list(element: .boolean)),
            cell: { row in
                guard case .list(let elements) = cells(row) else { return .null }
                return .list(elements.map { if case .bool(let value) = $0 { .bool(value) } else { .null } })
            },
            append: { writer, row throws(ParquetWriterError) in try writer.append(cells(row)) },
            hasCheckableStatistics: false)
    }

    func writeAndSave(
        _ name: String, columns: [ListColumn], options: WriterOptions, pageIndex: Bool? = nil,
        beforeClose: (ParquetWriter<MemorySink>) -> Void = { _ in }
    ) throws -> FileMetaData {
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: try Schema(columns.map(\.column)), sink: sink, options: options)
        for row in 0..<Self.rows {
            for column in columns { try column.append(writer, row) }
            try writer.endRow()
        }
        beforeClose(writer)
        try writer.close()
        let expected = columns.map { column in (0..<Self.rows).map(column.cell) }
        var file = ExpectedFile(
            columns: zip(columns, expected).map { ($0.column, $1) },
            rowGroups: (Self.rows + Self.rowGroupRows - 1) / Self.rowGroupRows)
        file.pageIndex = pageIndex
        for (index, column) in columns.enumerated() where column.hasCheckableStatistics {
            file.statistics[column.column.name] = stride(from: 0, to: Self.rows, by: Self.rowGroupRows).map { start in
                let cells = expected[index][start..<min(start + Self.rowGroupRows, Self.rows)]
                return ReferenceStatistics.compute(cells.flatMap(\.leafSlots))
            }
        }
        try InteropOutput.save(name, bytes: sink.bytes, expected: file)
        return try FooterReader.metadata(of: sink.bytes)
    }
}
