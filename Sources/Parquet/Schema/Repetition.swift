/// Whether a column may hold nulls.
public enum Repetition: Hashable, Sendable {
    /// Every row has a value; no definition levels are written.
    case required
    /// A row may be null.
    case optional
}
