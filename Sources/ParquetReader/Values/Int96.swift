/// A 12-byte INT96 value, which legacy writers (Impala, Hive, Spark, fastparquet) use
/// for timestamps: nanoseconds within the day in the first 8 bytes, then the Julian day
/// number, both little-endian.
///
/// Stored as three 32-bit words so that its stride is 12 bytes and PLAIN pages copy
/// straight into an array.
public struct Int96: Sendable, Hashable, BitwiseCopyable {
    private var word0: UInt32
    private var word1: UInt32
    private var word2: UInt32

    /// The Julian day number of the Unix epoch, 1970-01-01.
    static let julianDayOfEpoch: Int64 = 2_440_588
    static let nanosecondsPerDay: Int64 = 86_400_000_000_000

    /// The value whose first 8 bytes are `low` and last 4 `high`, both little-endian.
    public init(low: UInt64, high: UInt32) {
        word0 = UInt32(truncatingIfNeeded: low).littleEndian
        word1 = UInt32(truncatingIfNeeded: low >> 32).littleEndian
        word2 = high.littleEndian
    }

    /// The first 8 bytes, read as a little-endian integer.
    public var low: UInt64 { UInt64(UInt32(littleEndian: word1)) << 32 | UInt64(UInt32(littleEndian: word0)) }
    /// The last 4 bytes, read as a little-endian integer.
    public var high: UInt32 { UInt32(littleEndian: word2) }

    /// The timestamp as nanoseconds since the Unix epoch, or nil when it does not fit in
    /// 64 bits (about the years 1677 to 2262).
    public var nanosecondsSinceEpoch: Int64? {
        let day = Int64(Int32(bitPattern: high)) - Self.julianDayOfEpoch
        let (dayNanoseconds, overflow) = day.multipliedReportingOverflow(by: Self.nanosecondsPerDay)
        guard !overflow else { return nil }
        let (total, sumOverflow) = dayNanoseconds.addingReportingOverflow(Int64(bitPattern: low))
        return sumOverflow ? nil : total
    }
}
