import ParquetFormat
import ParquetReader

/// A value typed on the command line as the PLAIN bytes a Bloom filter hashes.
enum BloomProbeValue {
    /// The PLAIN encoding of `text` read as a value of `leaf`, or nil when it is not one.
    /// Integers (DATE, TIME, TIMESTAMP and DECIMAL included) are the stored integer;
    /// unsigned integer columns take unsigned text.
    static func plainBytes(_ text: String, leaf: LeafColumn, kind: ValueKind) -> [UInt8]? {
        switch leaf.physicalType {
        case .int32:
            let value = kind == .unsignedInteger ? UInt32(text).map { Int32(bitPattern: $0) } : Int32(text)
            return value.map { littleEndianBytes($0) }
        case .int64:
            let value = kind == .unsignedInteger ? UInt64(text).map { Int64(bitPattern: $0) } : Int64(text)
            return value.map { littleEndianBytes($0) }
        case .float:
            return Float(text).map { littleEndianBytes($0.bitPattern) }
        case .double:
            return Double(text).map { littleEndianBytes($0.bitPattern) }
        case .byteArray:
            return Array(text.utf8)
        case .fixedLenByteArray:
            let bytes = kind == .uuid ? uuidBytes(text) : Array(text.utf8)
            return bytes?.count == leaf.typeLength ? bytes : nil
        default:
            return nil
        }
    }

    private static func littleEndianBytes<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    /// The 16 bytes of `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.
    private static func uuidBytes(_ text: String) -> [UInt8]? {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return nil }
        let hex = Array(groups.joined().utf8)
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: hex.count, by: 2) {
            guard let byte = UInt8(String(decoding: hex[index..<(index + 2)], as: UTF8.self), radix: 16) else {
                return nil
            }
            bytes.append(byte)
        }
        return bytes
    }
}
