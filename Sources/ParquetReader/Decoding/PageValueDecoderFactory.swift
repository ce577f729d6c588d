import ParquetEncoding
import ParquetFormat

extension LeafColumn {
    /// A fresh decoder for this column's physical type.
    func makeValueDecoder() -> any PageValueDecoder {
        switch physicalType {
        case .boolean:
            return BooleanValueDecoder()
        case .int32:
            return FixedWidthValueDecoder<Int32>(typeName: "INT32", allowsByteStreamSplit: true) {
                (input, count, output) throws(DecodingFailure) in
                try DeltaBinaryPackedDecoder.decode(input, count: count, into: &output)
            }
        case .int64:
            return FixedWidthValueDecoder<Int64>(typeName: "INT64", allowsByteStreamSplit: true) {
                (input, count, output) throws(DecodingFailure) in
                try DeltaBinaryPackedDecoder.decode(input, count: count, into: &output)
            }
        case .int96:
            return FixedWidthValueDecoder<Int96>(typeName: "INT96", allowsByteStreamSplit: false, deltaDecoding: nil)
        case .float:
            return FixedWidthValueDecoder<Float>(typeName: "FLOAT", allowsByteStreamSplit: true, deltaDecoding: nil)
        case .double:
            return FixedWidthValueDecoder<Double>(typeName: "DOUBLE", allowsByteStreamSplit: true, deltaDecoding: nil)
        case .byteArray:
            return ByteArrayValueDecoder()
        default:
            // The schema tree admits no other physical type.
            return FixedLengthByteArrayValueDecoder(byteWidth: typeLength)
        }
    }
}
