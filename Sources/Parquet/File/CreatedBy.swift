/// The writer's name and version, as FileMetaData.created_by carries it.
public enum CreatedBy {
    /// The library version.
    public static let version = "0.1.0"
    /// `swift-voparquet version <version>`, the footer's `created_by` and the tools' `--version`.
    public static let string = "swift-voparquet version \(version)"
}
