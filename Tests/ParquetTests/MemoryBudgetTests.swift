import InteropSupport
import ParquetFormat
import Testing

@testable import Parquet

/// `WriterOptions.memoryLimit`: what the writer holds stays within it, encoded pages
/// past their share go to the spill file without changing a byte of the output, and
/// a spill that fails loses only the open row group.
@Suite struct MemoryBudgetTests {
    /// A value that looks like a measured flux: every bit of the mantissa differs.
    static func flux(_ row: Int, _ column: Int) -> Double {
        var bits = UInt64(truncatingIfNeeded: row &* 0x9E37_79B9 &+ column &* 0x85EB_CA6B)
        bits = (bits ^ (bits >> 29)) &* 0xBF58_476D_1CE4_E5B9
        bits ^= bits >> 32
        return Double(sign: .plus, exponent: Int(bits % 16) - 8, significand: 1 + Double(bits >> 12) / Double(1 << 52))
    }

    /// A wide schema like DP0.2 Object's: doubles, booleans and short strings, all OPTIONAL.
    static func wideSchema(doubles: Int, booleans: Int, strings: Int) throws -> Schema {
        try Schema(
            (0..<doubles).map { Column("d\($0)", .double) } + (0..<booleans).map { Column("b\($0)", .boolean) }
                + (0..<strings).map { Column("s\($0)", .string) })
    }

    static func appendWideRow(_ writer: ParquetWriter<MemorySink>, row: Int, doubles: Int, booleans: Int, strings: Int)
        throws
    {
        for column in 0..<doubles {
            if (row + column) % 10 == 0 { try writer.appendNull() } else { try writer.append(flux(row, column)) }
        }
        for column in 0..<booleans {
            if (row + column) % 50 == 0 {
                try writer.appendNull()
            } else {
                try writer.append((row * 31 + column) % 20 == 0)
            }
        }
        for column in 0..<strings {
            try writer.append(["u", "g", "r", "i", "z", "y"][(row + column) % 6] + "\(row % 97)")
        }
        try writer.endRow()
    }

    /// The smallest limit `options` allow for `schema`, as the refusal names it.
    static func minimumLimit(_ schema: Schema, _ options: WriterOptions) -> Int {
        var tiny = options
        tiny.memoryLimit = 1
        do {
            _ = try ParquetWriter(schema: schema, sink: MemorySink(), options: tiny)
        } catch .memoryLimitTooSmall(_, let minimum, _) {
            return minimum
        } catch {
            Issue.record("unexpected \(error)")
        }
        return 0
    }

    @Test func aSchemaTooWideForTheLimitIsRefusedNamingTheSmallestLimitThatWorks() throws {
        let schema = try Self.wideSchema(doubles: 1_500, booleans: 400, strings: 100)
        var options = WriterOptions()
        options.memoryLimit = 8 << 20
        #expect {
            _ = try ParquetWriter(schema: schema, sink: MemorySink(), options: options)
        } throws: { error in
            guard case .memoryLimitTooSmall(8 << 20, let minimum, 2_000) = error as? ParquetWriterError else {
                return false
            }
            return minimum > 8 << 20 && "\(error)".contains("at least \(minimum) bytes")
        }
        let minimum = Self.minimumLimit(schema, options)
        options.memoryLimit = minimum - 1
        #expect(throws: ParquetWriterError.self) {
            try ParquetWriter(schema: schema, sink: MemorySink(), options: options)
        }
        options.memoryLimit = minimum
        let writer = try ParquetWriter(schema: schema, sink: MemorySink(), options: options)
        #expect(writer.memoryPlan.pageMemoryLimit == WriterMemoryPlan.pageMemoryFloor)
    }

    /// ZSTD at level 19 takes tens of MiB on MiB-sized pages: at the default limit a
    /// narrow schema gets pages whose context fits in a quarter of it, and is not refused.
    @Test func aHighZSTDLevelHoldsPagesToWhatItsContextAllows() throws {
        let schema = try Schema([Column("x", .double), Column("n", .int64), Column("s", .string)])
        var options = WriterOptions()
        options.compression = .zstd(level: 19)
        let high = try ParquetWriter(schema: schema, sink: MemorySink(), options: options)
        #expect(high.memoryPlan.codecReserve <= high.memoryPlan.limit / 4)
        options.compression = .zstd(level: 3)
        let usual = try ParquetWriter(schema: schema, sink: MemorySink(), options: options)
        #expect(high.memoryPlan.pageMemoryLimit < usual.memoryPlan.pageMemoryLimit)
        #expect(high.memoryPlan.dictionaryMemoryLimit < usual.memoryPlan.dictionaryMemoryLimit)
        // What level 19 takes for the pages it gets is what the plan counts.
        let body = WriterMemoryPlan.largestBody(
            page: high.memoryPlan.pageMemoryLimit, dictionary: high.memoryPlan.dictionaryMemoryLimit,
            options: options)
        #expect(WriterMemoryPlan.codecReserve(.zstd(level: 19), largestBody: body) <= high.memoryPlan.codecReserve)
        for row in 0..<3_000 {
            try high.append(Double(row) * 0.37)
            try high.append(Int64(row))
            try high.append("row \(row)")
            try high.endRow()
        }
        try high.close()
        try usual.close()
    }

    /// What the plan leaves to the buffers the writer can count.
    static func countableBudget(_ writer: ParquetWriter<MemorySink>) -> Int {
        let plan = writer.memoryPlan
        return plan.limit - WriterMemoryPlan.baseOverhead - plan.codecReserve
            - writer.columns.count * WriterMemoryPlan.perColumnOverhead
    }

    @Test(arguments: [
        (compression: Compression.snappy, limitAboveMinimum: 0), (.zstd(level: 3), 2 << 20), (.uncompressed, 4 << 20),
    ])
    func whatTheWriterHoldsStaysWithinTheLimit(compression: Compression, limitAboveMinimum: Int) throws {
        let shape = (doubles: 300, booleans: 150, strings: 30)
        let schema = try Self.wideSchema(doubles: shape.doubles, booleans: shape.booleans, strings: shape.strings)
        var options = WriterOptions()
        options.compression = compression
        options.memoryLimit = Self.minimumLimit(schema, options) + limitAboveMinimum
        let writer = try ParquetWriter(schema: schema, sink: MemorySink(), options: options)
        let budget = Self.countableBudget(writer)
        var largest = 0
        for row in 0..<4_000 {
            try Self.appendWideRow(
                writer, row: row, doubles: shape.doubles, booleans: shape.booleans, strings: shape.strings)
            largest = max(largest, writer.heldByteCount)
        }
        #expect(largest <= budget, "held \(largest) bytes, budget \(budget)")
        #expect(writer.totalBytesSpilled > 0)
        try writer.close()
        #expect(writer.heldByteCount < 64 << 10, "buffers are given back when the file is complete")
    }

    /// Pages and dictionaries get the same limits under both budgets (the options cap
    /// them first), so only where the encoded pages wait differs.
    @Test func spillingLeavesEveryByteOfTheFileAsItWas() throws {
        let columns = (0..<8).map { Column("d\($0)", .double) } + [Column("band", .string), Column("flag", .boolean)]
        var options = WriterOptions()
        options.dataPageSizeLimit = 4_096
        options.dataPageRowLimit = 300
        options.encoding = .plain
        options.columnOptions["band"] = ColumnOptions(encoding: .dictionary)
        options.maxRowGroupRows = 9_000
        func write(memoryLimit: Int) throws -> (bytes: [UInt8], spilled: Int64) {
            var options = options
            options.memoryLimit = memoryLimit
            let sink = MemorySink()
            let writer = try ParquetWriter(schema: try Schema(columns), sink: sink, options: options)
            for row in 0..<20_000 {
                for column in 0..<8 {
                    if (row + column) % 10 == 0 {
                        try writer.appendNull()
                    } else {
                        try writer.append(Self.flux(row, column))
                    }
                }
                try writer.append(["u", "g", "r", "i", "z", "y"][row % 6])
                try writer.append(row % 20 == 0)
                try writer.endRow()
            }
            let spilled = writer.totalBytesSpilled
            try writer.close()
            return (sink.bytes, spilled)
        }
        let inMemory = try write(memoryLimit: 256 << 20)
        let spilled = try write(memoryLimit: Self.minimumLimit(try Schema(columns), options) + (64 << 10))
        #expect(inMemory.spilled == 0)
        #expect(spilled.spilled > Int64(inMemory.bytes.count) / 2)
        #expect(inMemory.bytes == spilled.bytes)
    }

    /// With pages held below `dataPageSizeLimit` by the budget, each column's first page
    /// of every row group closes at its own share of the page limit, so columns filling
    /// at the same pace do not close their pages on the same rows; later pages take the
    /// whole limit. Every reader reads the file.
    @Test func budgetBoundFirstPagesCloseOnDifferentRowsForEachColumn() throws {
        let columns = (0..<48).map { Column("d\($0)", .double) }
        let schema = try Schema(columns)
        var options = WriterOptions()
        options.maxRowGroupRows = 2_500
        options.compression = .uncompressed
        options.encoding = .plain
        options.memoryLimit = Self.minimumLimit(schema, options) + (256 << 10)
        let rows = 6_000
        let value = { (row: Int, column: Int) in Double(row) * 0.25 - Double(column) }
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
        let plan = writer.memoryPlan
        #expect(plan.pageMemoryLimit < options.dataPageSizeLimit)
        for row in 0..<rows {
            for column in columns.indices { try writer.append(value(row, column)) }
            try writer.endRow()
        }
        try writer.close()
        let starts = try RowStageTests.pageStarts(sink.bytes)
        // No nulls, so no levels are stored: a page holds 8 bytes per row and closes on
        // the row that reaches its limit.
        let rowsPerPage = { (limit: Int) in Int64((limit + 7) / 8) }
        var firstPageRows: Set<Int64> = []
        for (column, columnStarts) in starts.enumerated() {
            var expected: [Int64] = []
            for rowGroupStart in stride(from: 0, to: rows, by: options.maxRowGroupRows) {
                let rowGroupEnd = Int64(min(rowGroupStart + options.maxRowGroupRows, rows))
                var start = Int64(rowGroupStart)
                var pageRows = rowsPerPage(plan.firstPageMemoryLimit(ofColumn: column))
                while start < rowGroupEnd {
                    expected.append(start)
                    start += pageRows
                    pageRows = rowsPerPage(plan.pageMemoryLimit)
                }
            }
            #expect(columnStarts == expected, "column \(column)")
            firstPageRows.insert(columnStarts[1])
            #expect(plan.firstPageMemoryLimit(ofColumn: column) <= plan.pageMemoryLimit)
            #expect(plan.firstPageMemoryLimit(ofColumn: column) >= plan.pageMemoryLimit / 64)
        }
        // 48 columns, 64 steps: most first pages end on a row of their own.
        #expect(firstPageRows.count >= 32)
        let expected = columns.indices.map { column in (0..<rows).map { ExpectedValue.real(value($0, column)) } }
        try InteropOutput.save(
            "first_pages_staggered", bytes: sink.bytes,
            expected: ExpectedFile(columns: Array(zip(columns, expected)), rowGroups: 3))
    }

    @Test func aSpillThatFailsDropsOnlyTheOpenRowGroup() throws {
        let columns = [Column("id", .int64, .required), Column("flux", .double)]
        var options = WriterOptions()
        options.maxRowGroupRows = 30_000
        // A little above the smallest limit, so that the row group spills.
        options.memoryLimit = Self.minimumLimit(try Schema(columns), options) + (16 << 10)
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: try Schema(columns), sink: sink, options: options)
        func appendRow(_ row: Int) throws(ParquetWriterError) {
            try writer.append(Int64(row))
            try writer.append(Self.flux(row, 1))
            try writer.endRow()
        }
        for row in 0..<30_000 { try appendRow(row) }
        #expect(writer.totalBytesSpilled > 0)
        writer.setSpillCapacityForTesting(0)
        var failure: ParquetWriterError?
        for row in 30_000..<60_000 {
            do throws(ParquetWriterError) { try appendRow(row) } catch {
                failure = error
                break
            }
        }
        guard case .spillFailed(let message) = failure else {
            Issue.record("expected spillFailed, got \(String(describing: failure))")
            return
        }
        #expect(message.contains("No space left on device"))
        #expect(writer.rowCount == 30_000)
        writer.setSpillCapacityForTesting(nil)
        let metadata = try writer.close()
        #expect(metadata.numRows == 30_000)
        #expect(metadata.rowGroups.count == 1)
        let file = ExpectedFile(
            columns: [
                (columns[0], (0..<30_000).map { ExpectedValue.integer(Int128($0)) }),
                (columns[1], (0..<30_000).map { ExpectedValue.real(Self.flux($0, 1)) }),
            ],
            rowGroups: 1)
        try InteropOutput.save("spill_failed_keeps_written_row_groups", bytes: sink.bytes, expected: file)
    }

    @Test func aSpillDirectoryThatCannotHoldTheFileIsNamedInTheError() throws {
        var options = WriterOptions()
        options.memoryLimit = 700 << 10
        options.spillDirectory = "/nonexistent-spill-directory"
        let writer = try ParquetWriter(
            schema: try Schema([Column("flux", .double)]), sink: MemorySink(), options: options)
        #expect {
            for row in 0..<200_000 {
                try writer.append(Self.flux(row, 0))
                try writer.endRow()
            }
        } throws: { error in
            guard case .spillFailed(let message) = error as? ParquetWriterError else { return false }
            return message.contains("/nonexistent-spill-directory") && message.contains("No such file or directory")
        }
        try writer.close()
    }

    /// Every list and flat type through a budget so small that the pages spill, for the four readers.
    @Test func aFileWrittenWithSpillingIsReadByEveryReader() throws {
        let bases = TestColumn.everyType(.optional)
        let columns =
            bases.map(EncodingInteropTests.flatWithNulls) + bases.map { ListInteropTests.variableLengthList(of: $0) }
            + [ListInteropTests.listOfLists()]
        var options = WriterOptions()
        options.maxRowGroupRows = ListInteropTests.rowGroupRows
        options.compression = .uncompressed
        options.encoding = .plain
        let schema = try Schema(columns.map(\.column))
        options.memoryLimit = Self.minimumLimit(schema, options)
        var spilled: Int64 = 0
        let metadata = try ListInteropTests().writeAndSave("spill_forced", columns: columns, options: options) {
            spilled = $0.totalBytesSpilled
        }
        #expect(spilled > 0)
        #expect(metadata.rowGroups.count == 3)
    }
}
