/// Header at the start of a column chunk's Bloom filter data, followed by the bitset.
public struct BloomFilterHeader: ThriftCodable, Hashable {
    /// Size of the bitset in bytes.
    public var numBytes: Int32

    /// How bits are set.
    public var algorithm: BloomFilterAlgorithm

    /// The hash function applied to PLAIN-encoded values.
    public var hash: BloomFilterHash

    /// How the bitset is compressed.
    public var compression: BloomFilterCompression

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        numBytes: Int32,
        algorithm: BloomFilterAlgorithm,
        hash: BloomFilterHash,
        compression: BloomFilterCompression
    ) {
        self.numBytes = numBytes
        self.algorithm = algorithm
        self.hash = hash
        self.compression = compression
    }

    public static var thriftName: String { "BloomFilterHeader" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "numBytes"
        case 2: "algorithm"
        case 3: "hash"
        case 4: "compression"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, i32: numBytes)
        encoder.writeField(2, struct: algorithm)
        encoder.writeField(3, struct: hash)
        encoder.writeField(4, struct: compression)
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var numBytes: Int32?
        var algorithm: BloomFilterAlgorithm?
        var hash: BloomFilterHash?
        var compression: BloomFilterCompression?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .i32): numBytes = try decoder.readI32()
            case (2, .struct): algorithm = try decoder.readStruct(BloomFilterAlgorithm.self)
            case (3, .struct): hash = try decoder.readStruct(BloomFilterHash.self)
            case (4, .struct): compression = try decoder.readStruct(BloomFilterCompression.self)
            default: try decoder.skip(field)
            }
        }
        self.init(
            numBytes: try decoder.requiredField(numBytes, id: 1),
            algorithm: try decoder.requiredField(algorithm, id: 2),
            hash: try decoder.requiredField(hash, id: 3),
            compression: try decoder.requiredField(compression, id: 4))
        decoder.endStruct()
    }
}
