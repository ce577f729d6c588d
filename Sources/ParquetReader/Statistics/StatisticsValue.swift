import ParquetFormat

extension LeafColumn {
    /// Decodes a statistics or page-index bound (PLAIN encoding without the length prefix
    /// of byte arrays) as a value of this column, or nil when its size does not fit the
    /// physical type.
    public func statisticsValue(_ bytes: [UInt8]) -> RecordValue? {
        func load<Value: FixedWidthInteger>(_: Value.Type) -> Value? {
            guard bytes.count == MemoryLayout<Value>.size else { return nil }
            return bytes.withUnsafeBytes { Value(littleEndian: $0.loadUnaligned(as: Value.self)) }
        }
        switch physicalType {
        case .boolean:
            guard bytes.count == 1, bytes[0] <= 1 else { return nil }
            return .boolean(bytes[0] == 1)
        case .int32:
            return load(Int32.self).map { .int32($0) }
        case .int64:
            return load(Int64.self).map { .int64($0) }
        case .int96:
            guard bytes.count == 12 else { return nil }
            return .int96(
                bytes.withUnsafeBytes {
                    Int96(
                        low: UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)),
                        high: UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self)))
                })
        case .float:
            return load(UInt32.self).map { .float(Float(bitPattern: $0)) }
        case .double:
            return load(UInt64.self).map { .double(Double(bitPattern: $0)) }
        case .byteArray:
            return .bytes(bytes)
        default:
            return bytes.count == typeLength ? .bytes(bytes) : nil
        }
    }
}
