/// One top-level column of a file's schema.
public struct Column: Hashable, Sendable {
    public var name: String
    public var type: ColumnType
    public var repetition: Repetition

    public init(_ name: String, _ type: ColumnType, _ repetition: Repetition = .optional) {
        self.name = name
        self.type = type
        self.repetition = repetition
    }
}
