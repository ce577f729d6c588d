import Foundation
import Parquet
import ParquetReader

/// A column for the writer round trip: its schema, the cell written at each row, and
/// the physical value the reader must return for it.
struct WriterColumn {
    let column: Column
    let cell: (Int) -> Cell
    let expected: (Cell) -> RecordValue

    /// Every value type the writer offers, with edge cases among the formula values.
    static func everyType(_ repetition: Repetition) -> [WriterColumn] {
        func int32(_ cell: Cell) -> RecordValue {
            switch cell {
            case .int(let value): .int32(Int32(truncatingIfNeeded: value))
            case .uint(let value): .int32(Int32(truncatingIfNeeded: value))
            default: .null
            }
        }
        func int64(_ cell: Cell) -> RecordValue {
            switch cell {
            case .int(let value): .int64(value)
            case .uint(let value): .int64(Int64(bitPattern: value))
            default: .null
            }
        }
        func bytes(_ cell: Cell) -> RecordValue {
            switch cell {
            case .string(let value): .bytes(Array(value.utf8))
            case .bytes(let value): .bytes(value)
            case .uuid(let value): .bytes(withUnsafeBytes(of: value.uuid) { Array($0) })
            case .float16(let value): .bytes(withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) })
            default: .null
            }
        }
        let edgeDoubles: [Double] = [
            .nan, -0.0, 0.0, .infinity, -.infinity, .greatestFiniteMagnitude, .leastNonzeroMagnitude,
        ]
        return [
            WriterColumn(column: Column("b", .boolean, repetition), cell: { .bool($0 % 3 == 0) }) {
                if case .bool(let value) = $0 { .boolean(value) } else { .null }
            },
            WriterColumn(
                column: Column("i8", .int8, repetition), cell: { .int(Int64($0 % 256 - 128)) }, expected: int32),
            WriterColumn(
                column: Column("u16", .uint16, repetition), cell: { .uint(UInt64($0 * 31 % 65536)) }, expected: int32),
            WriterColumn(
                column: Column("i32", .int32, repetition),
                cell: { .int($0 == 1 ? Int64(Int32.min) : Int64($0 * 7919 - 5000)) }, expected: int32),
            WriterColumn(
                column: Column("u32", .uint32, repetition),
                cell: { .uint($0 == 2 ? UInt64(UInt32.max) : UInt64($0) * 2_654_435) }, expected: int32),
            WriterColumn(
                column: Column("i64", .int64, repetition), cell: { .int($0 == 3 ? .min : Int64($0) * 1_000_000_007) },
                expected: int64),
            WriterColumn(
                column: Column("u64", .uint64, repetition), cell: { .uint(UInt64($0) &* 0x9E37_79B9_7F4A_7C15) },
                expected: int64),
            WriterColumn(
                column: Column("f32", .float, repetition),
                cell: { .float($0 < edgeDoubles.count ? Float(edgeDoubles[$0]) : Float($0) * 0.37) }
            ) {
                if case .float(let value) = $0 { .float(value) } else { .null }
            },
            WriterColumn(
                column: Column("f64", .double, repetition),
                cell: { .double($0 < edgeDoubles.count ? edgeDoubles[$0] : Double($0) * 0.001 - 1.5) }
            ) {
                if case .double(let value) = $0 { .double(value) } else { .null }
            },
            WriterColumn(
                column: Column("f16", .float16, repetition), cell: { .float16(Float16(Float($0 % 2000) * 0.5 - 500)) },
                expected: bytes),
            WriterColumn(
                column: Column("s", .string, repetition),
                cell: { $0 % 50 == 0 ? .string("") : .string("s\($0 * 7919 % 1000)-é😀") }, expected: bytes),
            WriterColumn(
                column: Column("bin", .binary, repetition),
                cell: { row in .bytes((0..<(row % 9)).map { UInt8(($0 * 31 + row) % 256) }) }, expected: bytes),
            WriterColumn(
                column: Column("fix", .fixedBinary(length: 3), repetition),
                cell: { .bytes([UInt8($0 % 256), UInt8($0 / 256 % 256), 7]) }, expected: bytes),
            WriterColumn(
                column: Column("uuid", .uuid, repetition),
                cell: { row in
                    let bytes = (0..<16).map { UInt8((row * 131 + $0 * 17) % 256) }
                    return .uuid(
                        UUID(
                            uuid: (
                                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
                            )))
                }, expected: bytes),
            WriterColumn(
                column: Column("d", .date, repetition), cell: { .int(Int64($0 * 13 % 40000) - 700) }, expected: int32),
            WriterColumn(
                column: Column("t_ms", .time(unit: .millis), repetition),
                cell: { .int(Int64($0) * 12_345 % 86_400_000) }, expected: int32),
            WriterColumn(
                column: Column("ts_us", .timestamp(unit: .micros, adjustedToUTC: true), repetition),
                cell: { .int(1_700_000_000_000_000 + Int64($0) * 1_000_003) }, expected: int64),
            WriterColumn(
                column: Column("dec9", .decimal(precision: 9, scale: 2), repetition),
                cell: { .int(Int64($0 * 7919) - 50_000) }, expected: int32),
            WriterColumn(
                column: Column("dec18", .decimal(precision: 18, scale: 4), repetition),
                cell: { .int(Int64($0) * 1_000_000_007) }, expected: int64),
            WriterColumn(
                column: Column("dec_fixed", .decimal(precision: 7, scale: 3, storage: .fixedLength(4)), repetition),
                cell: { .int(Int64($0 * 3) - 1000) }
            ) { cell in
                guard case .int(let value) = cell else { return .null }
                return .bytes(withUnsafeBytes(of: Int32(value).bigEndian) { Array($0) })
            },
        ]
    }
}
