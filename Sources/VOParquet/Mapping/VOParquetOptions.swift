import Parquet

/// Settings of a `VOParquetWriter`.
public struct VOParquetOptions: Sendable {
    /// The core writer's settings. Their defaults suit VOParquet: row groups of up to
    /// 128 MiB encoded or 1,048,576 rows, which readers open and scan quickly, held
    /// within a 32 MiB `memoryLimit` by spilling encoded pages to a temporary file.
    public var writer = WriterOptions()
    /// How char columns with xtype `timestamp` are stored.
    public var timestamps: TimestampStorage = .string
    /// What happens to a string longer than its bounded arraysize.
    public var overlongStrings: OverlongStrings = .truncate
    /// The most rows the file may hold (a TAP service's MAXREC).
    public var maxRows: Int?
    /// The most bytes the file may take, footer included.
    public var maxBytes: Int?
    /// Bytes set aside within `maxBytes` for the INFO elements given to `finish`.
    public var infoReserveBytes = 4096

    /// The defaults described on each property.
    public init() {}

    /// How char columns with xtype `timestamp` are stored.
    public enum TimestampStorage: Hashable, Sendable {
        /// STRING, the text as given.
        case string
        /// TIMESTAMP(MICROS, UTC), parsed from ISO-8601 text.
        case timestamp
    }

    /// What happens to a string longer than its column's bounded arraysize.
    public enum OverlongStrings: Hashable, Sendable {
        /// Cut to the arraysize, never inside a UTF-8 sequence (as BINARY2 does).
        case truncate
        /// Rejected with `VOParquetError.stringTooLong`.
        case reject
    }
}
