@testable import ParquetFormat

/// The Thrift compact decoder, through every footer and page structure: whatever
/// decodes must re-encode to bytes that decode to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzThriftDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    roundTrip(FileMetaData.self, bytes)
    roundTrip(PageHeader.self, bytes)
    roundTrip(ColumnIndex.self, bytes)
    roundTrip(OffsetIndex.self, bytes)
    roundTrip(BloomFilterHeader.self, bytes)
    var decoder = CompactDecoder(bytes)
    if (try? decoder.skip(.struct)) != nil, decoder.bytesConsumed > bytes.count {
        fatalError("skipping a struct consumed \(decoder.bytesConsumed) of \(bytes.count) bytes")
    }
    return 0
}

private func roundTrip<Value: ThriftCodable & Equatable>(_: Value.Type, _ bytes: [UInt8]) {
    do {
        let value = try Value.decode(bytes)
        guard (try? Value.decode(value.encoded())) == value else {
            fatalError("\(Value.self) does not survive re-encoding")
        }
    } catch {
        guard (0...bytes.count).contains(error.offset) else {
            fatalError("error offset \(error.offset) outside \(bytes.count) bytes: \(error)")
        }
    }
}
