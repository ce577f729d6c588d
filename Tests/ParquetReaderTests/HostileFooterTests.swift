import Foundation
import Parquet
import ParquetFormat
import ParquetReader
import Testing

@testable import pqdump

/// Footers that hold extreme but decodable values: pqdump gives figures flagged as
/// overflowing or a one-line problem, promptly, never a trap or a huge allocation.
@Suite struct HostileFooterTests {
    /// A small writer file with a DECIMAL(10,2) INT64 column and a string column.
    static func decimalFile() throws -> [UInt8] {
        let schema = try Schema([
            Column("amount", .decimal(precision: 10, scale: 2, storage: .int64)), Column("name", .string),
        ])
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: schema, sink: sink)
        for row in 0..<20 {
            try writer.appendRow([.int(Int64(row * 125 - 900)), .string("row \(row)")])
        }
        _ = try writer.close()
        return sink.bytes
    }

    /// The file with its footer changed by `edit`.
    static func editedFooter(_ bytes: [UInt8], _ edit: (inout FileMetaData) -> Void) throws -> [UInt8] {
        let reader = try ParquetFileReader(bytes: bytes)
        var metadata = reader.metadata
        edit(&metadata)
        let footer = metadata.encoded()
        return Array(bytes[..<reader.footerOffset]) + footer
            + withUnsafeBytes(of: UInt32(footer.count).littleEndian) { Array($0) } + Array("PAR1".utf8)
    }

    static func dump(_ bytes: [UInt8], _ arguments: [String]) throws -> DumpRun {
        let path = try PQDumpCommandTests.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return DumpRun([arguments[0], path] + arguments.dropFirst())
    }

    @Test func chunkSizesOfInt64MaxAreFlaggedAsOverflowing() throws {
        let file = try Self.editedFooter(try Self.decimalFile()) { metadata in
            for index in metadata.rowGroups[0].columns.indices {
                metadata.rowGroups[0].columns[index].metaData!.totalCompressedSize = .max
                metadata.rowGroups[0].columns[index].metaData!.totalUncompressedSize = .max
            }
        }
        let meta = try Self.dump(file, ["meta"])
        #expect(meta.status == 0, "\(meta.errors)")
        #expect(meta.output.contains("compression ratio: n/a (the column chunk sizes add up to more than Int64 holds)"))
        let json = try JSONValue.parse(try Self.dump(file, ["meta", "--json"]).output)
        #expect(json["column_sizes_overflow"] == .bool(true))
        #expect(json["compression_ratio"] == .null)

        let check = try Self.dump(file, ["check"])
        #expect(check.status == 1)
        #expect(
            check.output.contains(
                "PROBLEM row group 0: the column chunks' total_uncompressed_size add up to more than Int64 holds (overflow)"
            ),
            "\(check.output)")
    }

    @Test func rowCountsThatOverflowAreAProblem() throws {
        let file = try Self.editedFooter(try Self.decimalFile()) { metadata in
            metadata.rowGroups.append(metadata.rowGroups[0])
            metadata.rowGroups[0].numRows = .max
        }
        let check = try Self.dump(file, ["check"])
        #expect(check.status == 1)
        #expect(
            check.output.contains(
                "PROBLEM footer: num_rows 20 but the row groups hold more than Int64 holds (overflow)"),
            "\(check.output)")
        #expect(try Self.dump(file, ["meta"]).status == 0)
    }

    @Test func anExtremeCompressionRatioIsPrinted() throws {
        let file = try Self.editedFooter(try Self.decimalFile()) { metadata in
            metadata.rowGroups[0].columns[0].metaData!.totalCompressedSize = 1
            metadata.rowGroups[0].columns[1].metaData!.totalCompressedSize = 0
            metadata.rowGroups[0].columns[0].metaData!.totalUncompressedSize = .max
            metadata.rowGroups[0].columns[1].metaData!.totalUncompressedSize = 0
        }
        let meta = try Self.dump(file, ["meta"])
        #expect(meta.status == 0)
        #expect(meta.output.contains("compression ratio: 9.223372036854776e+18x"), "\(meta.output)")
    }

    /// Scale ±2^31 once took 40 s and 2 GB in meta, index and rows; now it is an exponent,
    /// and check reports that the logical type disagrees with the element.
    @Test(arguments: [Int32.max, Int32.min])
    func decimalScaleOfTwoToThe31RendersAsAnExponent(scale: Int32) throws {
        let file = try Self.editedFooter(try Self.decimalFile()) { metadata in
            metadata.schema[1].logicalType = .decimal(scale: scale, precision: 10)
        }
        let started = ContinuousClock.now
        for command in ["meta", "index", "rows"] {
            let run = try Self.dump(file, [command, "--json"])
            #expect(run.status == 0, "\(command): \(run.errors)")
            #expect(run.output.utf8.count < 100_000, "\(command) printed \(run.output.utf8.count) bytes")
        }
        let rows = try Self.dump(file, ["rows", "--head", "2"])
        #expect(rows.output.contains("-900e\(-Int64(scale))"), "\(rows.output)")
        #expect(ContinuousClock.now - started < .seconds(5))

        let check = try Self.dump(file, ["check"])
        #expect(check.status == 1)
        #expect(
            check.output.contains(
                "PROBLEM schema[1] amount: DECIMAL logical type has scale \(scale) but the element's scale is 2"),
            "\(check.output)")
        #expect(
            check.output.contains("PROBLEM schema[1] amount: DECIMAL scale \(scale) lies outside 0...precision (10)"))
    }

    @Test func checkReportsAnnotationsThatDisagree() throws {
        let file = try Self.editedFooter(try Self.decimalFile()) { metadata in
            metadata.schema[1].precision = 12
            metadata.schema[1].logicalType = .decimal(scale: 2, precision: 12)
            metadata.schema[2].convertedType = .int32
        }
        let check = try Self.dump(file, ["check"])
        #expect(check.status == 1)
        #expect(check.output.contains("PROBLEM schema[1] amount: DECIMAL precision 12 exceeds the 18 digits") == false)
        #expect(
            check.output.contains("PROBLEM schema[2] name: logical type STRING but converted_type INT_32"),
            "\(check.output)")

        let wide = try Self.editedFooter(try Self.decimalFile()) { metadata in
            metadata.schema[1].precision = 19
            metadata.schema[1].logicalType = .decimal(scale: 2, precision: 19)
            metadata.schema[2].logicalType = .date
        }
        let wideCheck = try Self.dump(wide, ["check"])
        #expect(
            wideCheck.output.contains(
                "PROBLEM schema[1] amount: DECIMAL precision 19 exceeds the 18 digits its physical type holds"),
            "\(wideCheck.output)")
        #expect(
            wideCheck.output.contains(
                "PROBLEM schema[2] name: logical type DATE does not suit physical type BYTE_ARRAY"))
    }

    @Test func writerAndFixtureSchemasPassTheAnnotationChecks() throws {
        let directory = TestFiles.fixture("readers")
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".parquet")
        {
            let reader = try ParquetFileReader(bytes: try TestFiles.bytes(directory.appendingPathComponent(name)))
            for node in reader.schema.nodes.dropFirst() {
                #expect(
                    SchemaCheck.problems(node.element).isEmpty,
                    "\(name) \(node.path): \(SchemaCheck.problems(node.element))")
            }
        }
        let reader = try ParquetFileReader(bytes: try Self.decimalFile())
        #expect(reader.schema.nodes.dropFirst().allSatisfy { SchemaCheck.problems($0.element).isEmpty })
    }

    @Test func decimalTextStaysLinearInTheValue() {
        #expect(DecimalText.text(unscaled: 12, scale: 100) == "0." + String(repeating: "0", count: 98) + "12")
        #expect(DecimalText.text(unscaled: -12, scale: 101) == "-12e-101")
        #expect(DecimalText.text(unscaled: 12, scale: -101) == "12e101")
        #expect(DecimalText.text(bigEndian: [UInt8](repeating: 0xFF, count: 64), scale: 0) == "-1")
        let wide = [UInt8](repeating: 0x01, count: 65)
        #expect(
            DecimalText.text(bigEndian: wide, scale: 3) == "0x" + String(repeating: "01", count: 65)
                + " (two's complement) e-3")
    }
}
