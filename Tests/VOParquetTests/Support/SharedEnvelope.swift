import Foundation
import VOParquet

/// A TAP envelope from the shared data directory ($SHARED_DATA, which the Makefile
/// passes, or ../shared/data beside the repository).
struct SharedEnvelope {
    let header: String
    let footer: String
    let footerOverflow: String?
    let columnTypes: [VOTableColumnType]

    static var directory: URL {
        if let path = ProcessInfo.processInfo.environment["SHARED_DATA"] { return URL(fileURLWithPath: path) }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    /// Nil when the file is not there (the caller's test is then skipped with a reason).
    static func load(_ name: String) throws -> SharedEnvelope? {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let envelope = object["envelope"] as! [String: Any]
        let types = (object["columnTypes"] as! [[String: Any]]).map {
            VOTableColumnType(
                name: $0["name"] as! String, datatype: $0["datatype"] as! String,
                arraysize: $0["arraysize"] as? String, xtype: $0["xtype"] as? String)
        }
        return SharedEnvelope(
            header: envelope["header"] as! String, footer: envelope["footer"] as! String,
            footerOverflow: envelope["footerOverflow"] as? String, columnTypes: types)
    }

    static func isAvailable(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path)
    }

    func envelope() throws -> VOTableEnvelope {
        try VOTableEnvelope(header: header, footer: footer, footerOverflow: footerOverflow, columnTypes: columnTypes)
    }
}
