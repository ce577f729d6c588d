/// How far an import has got, for a progress display.
public struct HATSImportProgress: Sendable, Equatable {
    /// What the import is doing.
    public enum Stage: Sendable, Equatable {
        /// Copying and counting the rows of the input of this name.
        case reading(input: String)
        /// Sorting every row by `_healpix_29`.
        case sorting
        /// Writing the partitions.
        case writing
    }

    /// The stage.
    public var stage: Stage
    /// Rows the stage has gone through.
    public var rows: Int64
    /// Rows the stage goes through in all, when known.
    public var totalRows: Int64?
}
