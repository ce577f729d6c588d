// Writes a benchmark workload row by row (or, with `--api columns`, as columnar
// batches of `columnBatchRows` rows, as Arrow record batches arrive) and prints one
// JSON line with the timing. Scripts/bench.py runs it next to pyarrow writing the
// same values; the value formulas here and in Scripts/bench_pyarrow.py must stay identical.
import Foundation
import Parquet

struct Arguments {
    var workload = "narrow"
    var codec = "none"
    var rows: Int?
    var objectJSON = "../shared/data/dp02_object.json"
    var output = "bench.parquet"
    var columnar = false
    /// `WriterOptions.encodingThreadCount`; nil keeps the default, one per processor.
    var threads: Int?

    init(_ arguments: [String]) throws {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            guard flag != "--help", let value = iterator.next() else {
                throw BenchError(
                    "usage: parquet-bench [--workload narrow|object] [--codec none|snappy|bss-zstd|v2-snappy]"
                        + " [--rows N] [--object-json PATH] [--out FILE] [--api rows|columns] [--threads N]")
            }
            switch flag {
            case "--workload": workload = value
            case "--codec": codec = value
            case "--rows": rows = Int(value)
            case "--object-json": objectJSON = value
            case "--out": output = value
            case "--threads":
                guard let count = Int(value), count >= 1 else { throw BenchError("--threads needs a positive integer") }
                threads = count
            case "--api":
                guard value == "rows" || value == "columns" else { throw BenchError("--api must be rows or columns") }
                columnar = value == "columns"
            default: throw BenchError("unknown flag \(flag)")
            }
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A workload's columns, materialized before timing starts. Buffers rather than
/// arrays, so that reading a cell costs no reference counting, as with a cursor.
enum WorkloadColumn {
    case int64(UnsafeBufferPointer<Int64>)
    case int32(UnsafeBufferPointer<Int32>)
    case double(UnsafeBufferPointer<Double>, nullEvery: Int, offset: Int)
    case float(UnsafeBufferPointer<Float>)
    case bool(UnsafeBufferPointer<Bool>)
    case string(UnsafeBufferPointer<String>)
}

/// Copies `values` into a buffer that lives until the process exits.
func buffer<T>(_ values: [T]) -> UnsafeBufferPointer<T> {
    let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: values.count)
    _ = buffer.initialize(from: values)
    return UnsafeBufferPointer(buffer)
}

func narrowWorkload(rows: Int) -> (Schema, [WorkloadColumn]) {
    var columns: [Column] = []
    var data: [WorkloadColumn] = []
    for k in 0..<5 {
        columns.append(Column("i\(k)", .int64))
        data.append(
            .int64(
                buffer(
                    (0..<rows).map { r in
                        Int64((UInt64(r) &* 2_654_435_761 &+ UInt64(k * 97)) % (1 << 32)) - (1 << 31)
                    })))
    }
    for k in 0..<5 {
        columns.append(Column("d\(k)", .double))
        data.append(
            .double(
                buffer((0..<rows).map { r in Double((r * 40503 + k * 7919) % 65536) / 64.0 }), nullEvery: 0, offset: 0))
    }
    return (try! Schema(columns), data)
}

func objectWorkload(rows: Int, jsonPath: String) throws -> (Schema, [WorkloadColumn]) {
    let json =
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath))) as! [String: Any]
    let types = json["columnTypes"] as! [[String: Any]]
    var columns: [Column] = []
    var data: [WorkloadColumn] = []
    for (c, type) in types.enumerated() {
        let name = type["name"] as! String
        let datatype = type["datatype"] as! String
        func scaled(_ r: Int) -> Double { Double((r * 7919 + c * 104729) % 1_000_003) * 1e-4 }
        switch datatype {
        case "double":
            columns.append(Column(name, .double))
            data.append(.double(buffer((0..<rows).map(scaled)), nullEvery: 10, offset: c))
        case "float":
            columns.append(Column(name, .float))
            data.append(.float(buffer((0..<rows).map { Float(scaled($0)) })))
        case "boolean":
            columns.append(Column(name, .boolean))
            data.append(.bool(buffer((0..<rows).map { ($0 * 31 + c) % 50 == 0 })))
        case "int":
            columns.append(Column(name, .int32))
            data.append(.int32(buffer((0..<rows).map { Int32(($0 * 131 + c) % 100000) })))
        case "long":
            columns.append(Column(name, .int64))
            data.append(.int64(buffer((0..<rows).map { Int64($0 * 1000 + c) })))
        case "char":
            columns.append(Column(name, .string))
            data.append(.string(buffer((0..<rows).map { "v\(($0 * 17 + c) % 5000)" })))
        default:
            throw BenchError("unsupported datatype \(datatype)")
        }
    }
    return (try Schema(columns), data)
}

func inputBytes(_ data: [WorkloadColumn], rows: Int) -> Int {
    data.reduce(0) { total, column in
        switch column {
        case .int64: total + 8 * rows
        case .int32, .float: total + 4 * rows
        case .bool: total + rows
        case .double(_, let nullEvery, let offset):
            total + 8 * (0..<rows).filter { nullEvery == 0 || ($0 + offset) % nullEvery != 0 }.count
        case .string(let values): total + values.reduce(0) { $0 + $1.utf8.count }
        }
    }
}

/// Rows per `appendColumns` call with `--api columns`: a multiple of 8, so that each
/// batch's validity bitmap starts on a byte.
let columnBatchRows = 65_536

/// A column's values as `appendColumns` takes them, for `rows` rows starting at `first`.
func columnBuffers(_ column: WorkloadColumn, validity: UnsafeRawBufferPointer?, first: Int, rows: Int) throws
    -> ColumnBuffers
{
    func slice<T>(_ values: UnsafeBufferPointer<T>) -> UnsafeBufferPointer<T> {
        UnsafeBufferPointer(rebasing: values[first..<(first + rows)])
    }
    let bits = validity.map { UnsafeRawBufferPointer(rebasing: $0[(first / 8)...]) }
    switch column {
    case .int64(let values): return ColumnBuffers(.int64s(slice(values)))
    case .int32(let values): return ColumnBuffers(.int32s(slice(values)))
    case .double(let values, _, _): return ColumnBuffers(.doubles(slice(values)), validity: bits)
    case .float(let values): return ColumnBuffers(.floats(slice(values)))
    case .bool(let values): return ColumnBuffers(.booleans(slice(values)))
    case .string: throw BenchError("--api columns takes fixed-width workloads (narrow)")
    }
}

/// The validity bitmap of a DOUBLE column with a null every `nullEvery` rows, made before timing.
func validityBitmap(_ column: WorkloadColumn, rows: Int) -> UnsafeRawBufferPointer? {
    guard case .double(_, let nullEvery, let offset) = column, nullEvery > 0 else { return nil }
    var bytes = [UInt8](repeating: 0, count: (rows + 7) / 8)
    for r in 0..<rows where (r + offset) % nullEvery != 0 { bytes[r / 8] |= 1 << UInt8(r % 8) }
    return UnsafeRawBufferPointer(buffer(bytes))
}

/// Writes the workload `arguments` name and prints one JSON line with the timing.
func run(_ arguments: Arguments) throws {
    let rows = arguments.rows ?? (arguments.workload == "narrow" ? 1_000_000 : 20_000)
    let (schema, data) =
        arguments.workload == "narrow"
        ? narrowWorkload(rows: rows)
        : try objectWorkload(rows: rows, jsonPath: arguments.objectJSON)
    var options = WriterOptions()
    switch arguments.codec {
    case "none":
        options.compression = .uncompressed
    case "snappy":
        options.compression = .snappy
    case "bss-zstd":
        // BYTE_STREAM_SPLIT for floating-point columns, no dictionary, ZSTD level 3.
        options.compression = .zstd(level: 3)
        options.encoding = .plain
        for (column, values) in zip(schema.columns, data) {
            switch values {
            case .double, .float: options.columnOptions[column.name] = ColumnOptions(encoding: .byteStreamSplit)
            default: break
            }
        }
    case "v2-snappy":
        options.compression = .snappy
        options.dataPageVersion = .v2
    default:
        throw BenchError("unknown codec \(arguments.codec)")
    }
    if let threads = arguments.threads { options.encodingThreadCount = threads }

    let validities = data.map { validityBitmap($0, rows: rows) }
    let start = ContinuousClock.now
    let writer = try ParquetWriter(schema: schema, sink: try FileSink(path: arguments.output), options: options)
    let columnCount = data.count
    if arguments.columnar {
        for first in stride(from: 0, to: rows, by: columnBatchRows) {
            let count = min(columnBatchRows, rows - first)
            try writer.appendColumns(
                zip(data, validities).map { try columnBuffers($0, validity: $1, first: first, rows: count) })
        }
    }
    for r in 0..<(arguments.columnar ? 0 : rows) {
        for c in 0..<columnCount {
            switch data[c] {
            case .int64(let values): try writer.append(values[r])
            case .int32(let values): try writer.append(values[r])
            case .double(let values, let nullEvery, let offset):
                if nullEvery > 0 && (r + offset) % nullEvery == 0 {
                    try writer.appendNull()
                } else {
                    try writer.append(values[r])
                }
            case .float(let values): try writer.append(values[r])
            case .bool(let values): try writer.append(values[r])
            case .string(let values): try writer.append(values[r])
            }
        }
        try writer.endRow()
    }
    try writer.close()
    let elapsed = start.duration(to: .now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    print("{\"seconds\": \(seconds), \"rows\": \(rows), \"input_bytes\": \(inputBytes(data, rows: rows))}")
}

do {
    try run(try Arguments(CommandLine.arguments))
} catch {
    FileHandle.standardError.write(Data("parquet-bench: \(error)\n".utf8))
    exit(2)
}
