import VOParquet

/// The `_healpix_29` column HATS adds to every row: the NESTED HEALPix index of the row's
/// position at order 29 (INT64), by which each partition is sorted.
public enum SpatialIndexColumn {
    /// The column's name, as `hats_col_healpix` names it.
    public static let name = "_healpix_29"
    /// The order of its indexes, as `hats_col_healpix_order` gives it.
    public static let order = 29

    /// The FIELD that describes the column in each partition's embedded VOTable.
    static let fieldXML =
        "<FIELD name=\"\(name)\" datatype=\"long\" ucd=\"pos.healpix\"><DESCRIPTION>HEALPix NESTED index "
        + "of the position at order 29: the spatial index of the HATS catalog</DESCRIPTION></FIELD>"

    /// `envelope` with the `_healpix_29` FIELD before its first FIELD, so that the column
    /// comes first, as hats-import puts it.
    public static func envelope(adding envelope: VOTableEnvelope) throws(VOParquetError) -> VOTableEnvelope {
        guard !envelope.fields.contains(where: { $0.name == name }) else {
            throw .invalidVOTable("the table already has a FIELD named '\(name)', the column HATS adds")
        }
        let document = Array(envelope.content(overflow: false).utf8)
        guard let start = firstFieldTag(in: document) else {
            throw .invalidVOTable("the first TABLE has no FIELD")
        }
        // Indented like the FIELD it goes before, when that one starts its line.
        let lineStart = document[..<start].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? start
        let indentation = document[lineStart..<start]
        let isIndentation = indentation.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let separator = isIndentation ? "\n" + String(decoding: indentation, as: UTF8.self) : ""
        let inserted = document[..<start] + Array((fieldXML + separator).utf8) + document[start...]
        let result = try VOTableEnvelope(document: String(decoding: inserted, as: UTF8.self))
        guard result.fields.count == envelope.fields.count + 1, result.fields.first?.name == name,
            Array(result.fields.dropFirst()) == envelope.fields
        else {
            throw .invalidVOTable("the '\(name)' FIELD could not be added before the first FIELD")
        }
        return result
    }

    /// The offset of the first FIELD start tag (any namespace prefix) outside comments,
    /// CDATA sections and processing instructions.
    static func firstFieldTag(in document: [UInt8]) -> Int? {
        var position = 0
        while let open = document[position...].firstIndex(of: UInt8(ascii: "<")) {
            let rest = document[open...]
            for (opening, closing) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>")]
            where rest.starts(with: opening.utf8) {
                guard let end = find(Array(closing.utf8), in: document, from: open + opening.utf8.count) else {
                    return nil
                }
                position = end
                break
            }
            if position > open { continue }
            var nameEnd = open + 1
            while nameEnd < document.count, !isNameEnd(document[nameEnd]) { nameEnd += 1 }
            let name = document[(open + 1)..<nameEnd]
            let localName = name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name
            if localName.elementsEqual("FIELD".utf8) { return open }
            position = open + 1
        }
        return nil
    }

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
    }

    /// The offset just past the first `pattern` at or after `start`.
    private static func find(_ pattern: [UInt8], in document: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= document.count {
            if document[index..<(index + pattern.count)].elementsEqual(pattern) { return index + pattern.count }
            index += 1
        }
        return nil
    }
}
