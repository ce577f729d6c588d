/// A column type given alongside a TAP envelope (the `columnTypes` of a result
/// job), which must agree with the envelope's FIELD of the same position.
public struct VOTableColumnType: Hashable, Sendable {
    /// The column name.
    public var name: String
    /// The VOTable datatype, such as `double`.
    public var datatype: String
    /// The arraysize, if any.
    public var arraysize: String?
    /// The xtype, if any.
    public var xtype: String?

    /// A column type as the TAP job lists it.
    public init(name: String, datatype: String, arraysize: String? = nil, xtype: String? = nil) {
        self.name = name
        self.datatype = datatype
        self.arraysize = arraysize
        self.xtype = xtype
    }
}
