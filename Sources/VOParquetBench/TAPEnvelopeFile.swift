import Foundation
import VOParquet

/// A TAP envelope file of the shared data directory (dp02_object.json): the
/// VOTable header and footer around the rows, and the columns' types.
struct TAPEnvelopeFile {
    let envelope: VOTableEnvelope
    let columnTypes: [VOTableColumnType]

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let parts = object["envelope"] as? [String: Any],
            let header = parts["header"] as? String, let footer = parts["footer"] as? String,
            let types = object["columnTypes"] as? [[String: Any]]
        else { throw BenchError("\(path): not a TAP envelope file (envelope.header, envelope.footer, columnTypes)") }
        columnTypes = try types.map { type in
            guard let name = type["name"] as? String, let datatype = type["datatype"] as? String else {
                throw BenchError("\(path): a columnTypes entry lacks name or datatype")
            }
            return VOTableColumnType(
                name: name, datatype: datatype, arraysize: type["arraysize"] as? String,
                xtype: type["xtype"] as? String)
        }
        envelope = try VOTableEnvelope(
            header: header, footer: footer, footerOverflow: parts["footerOverflow"] as? String,
            columnTypes: columnTypes)
    }
}
