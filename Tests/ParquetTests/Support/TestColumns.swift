import Foundation
import Parquet

/// A column of generated test data: edge cases first, then a formula.
struct TestColumn {
    let column: Column
    let edges: [TestCell]
    let formula: (Int) -> TestCell
    /// Whether the test knows the min/max a reader should report for this column.
    let hasCheckableStatistics: Bool

    func cell(row: Int) -> TestCell { row < edges.count ? edges[row] : formula(row) }

    init(
        _ name: String, _ type: ColumnType, _ repetition: Repetition, stats: Bool = false,
        edges: [TestCell], formula: @escaping (Int) -> TestCell
    ) {
        column = Column(name, type, repetition)
        self.edges = edges
        self.formula = formula
        hasCheckableStatistics = stats
    }
}

extension TestColumn {
    /// One column of every physical and logical type the writer supports.
    static func everyType(_ repetition: Repetition) -> [TestColumn] {
        let longText = String(repeating: "long-é-", count: 30)
        return [
            TestColumn("b", .boolean, repetition, edges: [.bool(false), .bool(true)]) { .bool($0 % 3 == 0) },
            TestColumn("i8", .int8, repetition, stats: true, edges: [.int(-128), .int(127), .int(0)]) {
                .int(Int64($0 * 37 % 256 - 128))
            },
            TestColumn("i16", .int16, repetition, stats: true, edges: [.int(-32768), .int(32767)]) {
                .int(Int64($0 * 7919 % 65536 - 32768))
            },
            TestColumn("i32", .int32, repetition, stats: true, edges: [.int(Int64(Int32.min)), .int(Int64(Int32.max))])
            { .int(Int64($0 * 104729 % 5000) - 2500) },
            TestColumn("i64", .int64, repetition, stats: true, edges: [.int(.min), .int(.max), .int(0)]) {
                .int(Int64($0) * 1_000_000_007 - 1_234_567)
            },
            TestColumn("u8", .uint8, repetition, stats: true, edges: [.uint(0), .uint(255)]) {
                .uint(UInt64($0 % 256))
            },
            TestColumn("u16", .uint16, repetition, stats: true, edges: [.uint(65535), .uint(0)]) {
                .uint(UInt64($0 * 31 % 65536))
            },
            TestColumn(
                "u32", .uint32, repetition, stats: true, edges: [.uint(UInt64(UInt32.max)), .uint(0), .uint(1 << 31)]
            ) { .uint(UInt64($0) * 2_654_435 % (1 << 32)) },
            TestColumn("u64", .uint64, repetition, stats: true, edges: [.uint(.max), .uint(0), .uint(1 << 63)]) {
                .uint(UInt64($0) &* 0x9E37_79B9_7F4A_7C15)
            },
            TestColumn(
                "f32", .float, repetition, stats: true,
                edges: [
                    .float(.nan), .float(-0.0), .float(0.0), .float(.infinity), .float(-.infinity),
                    .float(.greatestFiniteMagnitude), .float(.leastNonzeroMagnitude),
                ]
            ) { .float(Float($0 % 1000) * 0.37 - 100) },
            TestColumn(
                "f64", .double, repetition, stats: true,
                edges: [
                    .double(-0.0), .double(.nan), .double(0.0), .double(-.greatestFiniteMagnitude),
                    .double(.leastNonzeroMagnitude), .double(1e300),
                ]
            ) { .double(Double($0) * 0.001 - 1.5) },
            TestColumn("zero_only", .double, repetition, stats: true, edges: [.double(0.0), .double(-0.0)]) { _ in
                .double(0.0)
            },
            TestColumn("nan_only", .double, repetition, stats: true, edges: []) { _ in .double(.nan) },
            TestColumn(
                "f16", .float16, repetition,
                edges: [.half(.nan), .half(-0.0), .half(65504), .half(-65504), .half(.infinity)]
            ) { .half(Float16(Float($0 % 2000) * 0.5 - 500)) },
            TestColumn(
                "s", .string, repetition,
                edges: [.string(""), .string("é"), .string("日本語テキスト"), .string("😀 emoji"), .string(longText)]
            ) { .string("s\($0 * 7919 % 1000)") },
            TestColumn("js", .json, repetition, edges: [.string("{}"), .string("[1, 2.5, \"x\"]")]) {
                .string("{\"k\": \($0 % 50)}")
            },
            TestColumn("en", .enumeration, repetition, edges: []) { .string(["RED", "GREEN", "BLUE"][$0 % 3]) },
            TestColumn("bin", .binary, repetition, edges: [.bytes([]), .bytes([0, 0xFF, 0x80])]) { row in
                .bytes((0..<(row % 9)).map { UInt8(($0 * 31 + row) % 256) })
            },
            TestColumn(
                "fix", .fixedBinary(length: 3), repetition, edges: [.bytes([0, 0, 0]), .bytes([0xFF, 0xFF, 0xFF])]
            ) { .bytes([UInt8($0 % 256), UInt8($0 / 256 % 256), 7]) },
            TestColumn("uuid", .uuid, repetition, edges: []) { row in
                var bytes = (0..<16).map { UInt8((row * 131 + $0 * 17) % 256) }
                bytes[6] = 0x40 | bytes[6] & 0x0F
                bytes[8] = 0x80 | bytes[8] & 0x3F
                return .uuid(
                    UUID(
                        uuid: (
                            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
                        )))
            },
            TestColumn("d", .date, repetition, stats: true, edges: [.int(-719_162), .int(2_932_896), .int(0)]) {
                .int(Int64($0 * 13 % 40000))
            },
            TestColumn("t_ms", .time(unit: .millis), repetition, edges: [.int(0), .int(86_399_999)]) {
                .int(Int64($0) * 12_345 % 86_400_000)
            },
            TestColumn("t_us", .time(unit: .micros), repetition, edges: [.int(0), .int(86_399_999_999)]) {
                .int(Int64($0) * 12_345_678 % 86_400_000_000)
            },
            TestColumn("t_ns", .time(unit: .nanos), repetition, edges: [.int(86_399_999_999_999)]) {
                .int(Int64($0) * 12_345_678_901 % 86_400_000_000_000)
            },
            TestColumn(
                "ts_ms", .timestamp(unit: .millis, adjustedToUTC: true), repetition, stats: true,
                edges: [.int(-62_135_596_800_000), .int(253_402_300_799_999)]
            ) { .int(1_700_000_000_000 + Int64($0) * 1_001) },
            TestColumn(
                "ts_us", .timestamp(unit: .micros, adjustedToUTC: false), repetition, stats: true,
                edges: [.int(-62_135_596_800_000_000), .int(253_402_300_799_999_999)]
            ) { .int(1_700_000_000_000_000 + Int64($0) * 1_000_003) },
            TestColumn(
                "ts_ns", .timestamp(unit: .nanos, adjustedToUTC: true), repetition, stats: true,
                edges: [.int(-4_000_000_000_000_000_000), .int(4_000_000_000_000_000_000)]
            ) { .int(1_700_000_000_000_000_000 + Int64($0) * 999_999_937) },
            TestColumn(
                "dec9", .decimal(precision: 9, scale: 2), repetition,
                edges: [.int(999_999_999), .int(-999_999_999), .int(0)]
            ) { .int(Int64($0 * 7919) - 50_000) },
            TestColumn(
                "dec18", .decimal(precision: 18, scale: 4), repetition,
                edges: [.int(999_999_999_999_999_999), .int(-999_999_999_999_999_999)]
            ) { .int(Int64($0) * 1_000_000_007) },
            TestColumn(
                "dec30", .decimal(precision: 30, scale: 5), repetition,
                edges: [
                    wideDecimal(Decimal128Bounds.max30, length: 13), wideDecimal(-Decimal128Bounds.max30, length: 13),
                ]
            ) { .int(Int64($0) * 123_456_789 - 987_654) },
            TestColumn(
                "dec_fixed4", .decimal(precision: 7, scale: 3, storage: .fixedLength(4)), repetition,
                edges: [.int(9_999_999), .int(-9_999_999)]
            ) { .int(Int64($0 * 3) - 1000) },
        ]
    }

    static func wideDecimal(_ value: Int128, length: Int) -> TestCell {
        let bytes = withUnsafeBytes(of: value.bigEndian) { Array($0.suffix(length)) }
        return .wideDecimal(bytes, value)
    }
}

enum Decimal128Bounds {
    static let max30: Int128 = {
        var value: Int128 = 1
        for _ in 0..<30 { value *= 10 }
        return value - 1
    }()
}
