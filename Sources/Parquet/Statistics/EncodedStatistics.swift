/// Column chunk statistics in their serialized form, ready for the footer.
struct EncodedStatistics: Hashable, Sendable {
    var min: [UInt8]?
    var max: [UInt8]?
    var isMinExact: Bool?
    var isMaxExact: Bool?
    var nullCount: Int64
    /// Only for FLOAT, DOUBLE and FLOAT16 columns.
    var nanCount: Int64?
}
