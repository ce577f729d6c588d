import Parquet

/// Settings of a `VOParquetWriter`.
public struct VOParquetOptions: Sendable {
    /// The core writer's settings. The default row-group target is
    /// `defaultRowGroupTargetBytes` rather than the core writer's.
    public var writer: WriterOptions
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

    /// Row-group target that keeps a 991-column table (DP0.2 Object) within 64 MB
    /// of peak RSS; see Docs/voparquet.md for how memory scales.
    public static let defaultRowGroupTargetBytes = 8 << 20

    /// The defaults described on each property.
    public init() {
        writer = WriterOptions()
        writer.rowGroupTargetBytes = Self.defaultRowGroupTargetBytes
    }

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
