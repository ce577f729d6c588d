/// A FIELD of the first TABLE: what the Parquet column is derived from, plus the
/// metadata a reader would show.
public struct VOTableField: Hashable, Sendable {
    /// The FIELD's name, which is also the column's.
    public let name: String
    /// The FIELD's datatype.
    public let datatype: VOTableDatatype
    /// The arraysize attribute as written; nil when absent.
    public let arraysizeText: String?
    /// The parsed arraysize; nil when absent.
    public let arraysize: VOTableArraySize?
    /// The xtype attribute, such as `timestamp`.
    public let xtype: String?
    /// The unit attribute.
    public let unit: String?
    /// The ucd attribute.
    public let ucd: String?
    /// The utype attribute.
    public let utype: String?
    /// The DESCRIPTION element's text.
    public let description: String?
    /// The `null` attribute of the FIELD's VALUES: the text standing for a null value.
    public let nullValue: String?

    /// A FIELD from its attributes; throws when `arraysize` does not parse.
    public init(
        name: String, datatype: VOTableDatatype, arraysize: String? = nil, xtype: String? = nil,
        unit: String? = nil, ucd: String? = nil, utype: String? = nil, description: String? = nil,
        nullValue: String? = nil
    ) throws(VOParquetError) {
        self.name = name
        self.datatype = datatype
        self.arraysizeText = arraysize
        if let arraysize {
            guard let parsed = VOTableArraySize(arraysize) else {
                throw .invalidArraysize(column: name, arraysize: arraysize)
            }
            self.arraysize = parsed
        } else {
            self.arraysize = nil
        }
        self.xtype = xtype
        self.unit = unit
        self.ucd = ucd
        self.utype = utype
        self.description = description
        self.nullValue = nullValue
    }

    /// Whether the column holds one element per row: a number, boolean or bit
    /// without arraysize (or arraysize 1), or any character string.
    public var isScalar: Bool {
        if datatype.isCharacter { return true }
        if datatype.isComplex { return false }
        return arraysize == nil || arraysize!.isSingle
    }
}
