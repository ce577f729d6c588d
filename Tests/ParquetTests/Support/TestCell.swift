import Foundation
import InteropSupport
import Parquet

/// A non-null test value: how it is appended and what readers must return for it.
enum TestCell {
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case float(Float)
    case double(Double)
    case half(Float16)
    case string(String)
    case bytes([UInt8])
    case uuid(UUID)
    /// A DECIMAL too wide for Int64: its big-endian bytes and unscaled value.
    case wideDecimal([UInt8], Int128)

    func append<Sink>(to writer: ParquetWriter<Sink>) throws(ParquetWriterError) {
        switch self {
        case .bool(let value): try writer.append(value)
        case .int(let value): try writer.append(value)
        case .uint(let value): try writer.append(value)
        case .float(let value): try writer.append(value)
        case .double(let value): try writer.append(value)
        case .half(let value): try writer.append(value)
        case .string(let value): try writer.append(value)
        case .bytes(let value): try writer.append(bytes: value)
        case .uuid(let value): try writer.append(value)
        case .wideDecimal(let bytes, _): try writer.append(bytes: bytes)
        }
    }

    func expected(for type: ColumnType) -> ExpectedValue {
        if case .decimal(_, let scale, _) = type {
            switch self {
            case .int(let value): return .decimal(ExpectedValue.decimalText(Int128(value), scale: scale))
            case .wideDecimal(_, let value): return .decimal(ExpectedValue.decimalText(value, scale: scale))
            default: fatalError("decimal test values are .int or .wideDecimal")
            }
        }
        switch self {
        case .bool(let value): return .bool(value)
        case .int(let value): return .integer(Int128(value))
        case .uint(let value): return .integer(Int128(value))
        case .float(let value): return .real(Double(value))
        case .double(let value): return .real(value)
        case .half(let value): return .real(Double(Float(value)))
        case .string(let value): return .text(value)
        case .bytes(let value): return .binary(value)
        case .uuid(let value): return .uuid(value)
        case .wideDecimal: fatalError("wide decimals only go into DECIMAL columns")
        }
    }
}
