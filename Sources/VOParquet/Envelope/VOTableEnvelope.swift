/// The VOTable metadata of a result: the FIELDs the Parquet schema comes from, and
/// the documents (without DATA) embedded in the footer for a complete result and
/// for an overflowed one.
///
/// Everything is parsed and checked when the envelope is made, before any byte
/// of output exists.
public struct VOTableEnvelope: Sendable {
    /// The FIELDs of the first TABLE, in order: one Parquet column each.
    public let fields: [VOTableField]
    /// Whether the first TABLE of the document given had a DATA element (removed here).
    public let hadData: Bool
    private let complete: Parts
    private let overflow: Parts

    /// A document split at the start of the first TABLE's end tag.
    struct Parts: Sendable {
        var prefix: String
        var suffix: String
        var tableEndTagLength: Int
    }

    /// The INFO a result that stopped early carries after its TABLE, as DALI specifies.
    public static let overflowInfo = VOTableInfo(name: "QUERY_STATUS", value: "OVERFLOW")

    /// An envelope as a TAP service hands it over: `header` is a VOTable document up
    /// to (at least) the last FIELD of its first TABLE, `header + footer` a complete
    /// document, and `header + footerOverflow` the same with the overflow INFO. Without
    /// `footerOverflow`, an overflow INFO is inserted after the TABLE of `footer`.
    /// `columnTypes`, when given, must agree with the FIELDs. DATA elements are removed.
    public init(
        header: String, footer: String, footerOverflow: String? = nil,
        columnTypes: [VOTableColumnType]? = nil
    ) throws(VOParquetError) {
        let (fields, complete, hadData) = try Self.read(header + footer)
        self.fields = fields
        self.hadData = hadData
        self.complete = complete
        if let footerOverflow {
            let (overflowFields, overflow, _) = try Self.read(header + footerOverflow)
            guard overflowFields == fields else {
                throw .invalidVOTable("header + footerOverflow has other FIELDs than header + footer")
            }
            self.overflow = overflow
        } else {
            self.overflow = Self.insertingInfo(Self.overflowInfo, into: complete)
        }
        if let columnTypes { try Self.check(columnTypes, against: fields) }
    }

    /// An envelope from a complete VOTable document without DATA (DATA elements, if
    /// any, are removed). The overflow form gets an overflow INFO after the first TABLE.
    public init(document: String, columnTypes: [VOTableColumnType]? = nil) throws(VOParquetError) {
        let (fields, complete, hadData) = try Self.read(document)
        try self.init(fields: fields, complete: complete, hadData: hadData, columnTypes: columnTypes)
    }

    init(
        fields: [VOTableField], complete: Parts, hadData: Bool = false, columnTypes: [VOTableColumnType]? = nil
    ) throws(VOParquetError) {
        self.fields = fields
        self.hadData = hadData
        self.complete = complete
        self.overflow = Self.insertingInfo(Self.overflowInfo, into: complete)
        if let columnTypes { try Self.check(columnTypes, against: fields) }
    }

    /// The document to embed: the complete or the overflow form, with `extraInfos`
    /// inserted right after the first TABLE.
    public func content(overflow isOverflow: Bool, extraInfos: [VOTableInfo] = []) -> String {
        var parts = isOverflow ? overflow : complete
        for info in extraInfos.reversed() { parts = Self.insertingInfo(info, into: parts) }
        return parts.prefix + parts.suffix
    }

    /// The UTF-8 length of the longer of the two documents, without extra INFOs.
    var maximumContentByteCount: Int {
        max(
            complete.prefix.utf8.count + complete.suffix.utf8.count,
            overflow.prefix.utf8.count + overflow.suffix.utf8.count)
    }

    // MARK: Reading

    private static func read(_ document: String) throws(VOParquetError) -> ([VOTableField], Parts, hadData: Bool) {
        let reader = VOTableStructureReader(parser: XMLPullParser(source: MemoryByteSource(document)))
        let hadData = try reader.readToData() == .data
        if hadData { try reader.skipDataAndReadRest() }
        return (reader.fields, try Parts(reader), hadData)
    }

    private static func insertingInfo(_ info: VOTableInfo, into parts: Parts) -> Parts {
        var parts = parts
        let endTag = parts.suffix.utf8.prefix(parts.tableEndTagLength)
        let rest = parts.suffix.utf8.dropFirst(parts.tableEndTagLength)
        // Indent like the TABLE end tag's own line.
        let indentation = parts.prefix.utf8.reversed().prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let indent = String(decoding: indentation, as: UTF8.self)
        parts.suffix =
            String(decoding: endTag, as: UTF8.self) + "\n" + indent + info.xml + String(decoding: rest, as: UTF8.self)
        return parts
    }

    private static func check(_ columnTypes: [VOTableColumnType], against fields: [VOTableField]) throws(VOParquetError)
    {
        for (field, type) in zip(fields, columnTypes) {
            guard type.name == field.name else {
                throw .columnTypeMismatch(
                    column: field.name, detail: "the column type at this position is named '\(type.name)'")
            }
            guard type.datatype == field.datatype.rawValue else {
                throw .columnTypeMismatch(
                    column: field.name,
                    detail: "datatype '\(type.datatype)' given, the FIELD says '\(field.datatype.rawValue)'")
            }
            guard type.arraysize == field.arraysizeText else {
                throw .columnTypeMismatch(
                    column: field.name,
                    detail: "arraysize \(quoted(type.arraysize)) given, the FIELD says \(quoted(field.arraysizeText))")
            }
            guard type.xtype == field.xtype else {
                throw .columnTypeMismatch(
                    column: field.name,
                    detail: "xtype \(quoted(type.xtype)) given, the FIELD says \(quoted(field.xtype))")
            }
        }
        guard columnTypes.count == fields.count else {
            throw .columnCountMismatch(fields: fields.count, columnTypes: columnTypes.count)
        }
    }

    private static func quoted(_ text: String?) -> String { text.map { "'\($0)'" } ?? "none" }
}

extension VOTableEnvelope.Parts {
    /// The document the reader kept, which must be UTF-8 to be embedded.
    init(_ reader: VOTableStructureReader) throws(VOParquetError) {
        try self.init(prefix: reader.prefix, suffix: reader.suffix, tableEndTagLength: reader.tableEndTagLength)
    }

    init(prefix: [UInt8], suffix: [UInt8], tableEndTagLength: Int) throws(VOParquetError) {
        guard let prefix = String(validating: prefix, as: UTF8.self),
            let suffix = String(validating: suffix, as: UTF8.self)
        else {
            throw .invalidVOTable("the document is not valid UTF-8")
        }
        self.prefix = prefix
        self.suffix = suffix
        self.tableEndTagLength = tableEndTagLength
    }
}
