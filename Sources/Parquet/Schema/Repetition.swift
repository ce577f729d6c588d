/// Whether a column, or a list's element, may hold nulls.
public enum Repetition: Hashable, Sendable {
    /// Every row (or list slot) has a value.
    case required
    /// A row may be null.
    case optional
}
