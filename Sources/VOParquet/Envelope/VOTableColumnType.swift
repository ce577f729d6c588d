/// A column type given alongside a TAP envelope (the `columnTypes` of a result
/// job), which must agree with the envelope's FIELD of the same position.
public struct VOTableColumnType: Hashable, Sendable {
    public var name: String
    public var datatype: String
    public var arraysize: String?
    public var xtype: String?

    public init(name: String, datatype: String, arraysize: String? = nil, xtype: String? = nil) {
        self.name = name
        self.datatype = datatype
        self.arraysize = arraysize
        self.xtype = xtype
    }
}
