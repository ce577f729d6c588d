/// The writer's name and version, as FileMetaData.created_by carries it.
public enum CreatedBy {
    public static let version = "0.1.0"
    public static let string = "swift-voparquet version \(version)"
}
