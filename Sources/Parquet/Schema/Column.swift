/// One top-level column of a file's schema.
public struct Column: Hashable, Sendable {
    /// The column name; unique in the schema.
    public var name: String
    /// The value type, which fixes the physical and logical Parquet types.
    public var type: ColumnType
    /// Whether the column may hold nulls.
    public var repetition: Repetition

    /// A column `name` of `type`, optional unless `repetition` says otherwise.
    public init(_ name: String, _ type: ColumnType, _ repetition: Repetition = .optional) {
        self.name = name
        self.type = type
        self.repetition = repetition
    }
}
