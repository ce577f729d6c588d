@testable import VOParquet

/// The XML pull parser, with a small buffer so that tokens straddle refills, and the
/// VOTable layout `pqdump votable` uses. Errors must name a line inside the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXMLParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let lines = bytes.count { $0 == UInt8(ascii: "\n") } + 1
    let parser = XMLPullParser(
        source: MemoryByteSource(bytes), initialCapacity: 64, maxMarkupBytes: 1 << 16, textPieceBytes: 16)
    do throws(XMLError) {
        while true {
            switch try parser.next() {
            case .startElement:
                _ = parser.name
                _ = parser.localName
                _ = parser.attributes
                _ = parser.openElementNames
            case .text:
                _ = parser.textString
            case .endElement:
                _ = parser.name
            case .endOfDocument:
                guard parser.depth == 0 else { fatalError("the document ended at depth \(parser.depth)") }
                _ = try? VOTablePrettyPrinter.format(String(decoding: bytes, as: UTF8.self))
                return 0
            }
        }
    } catch {
        guard (1...lines).contains(error.line) else { fatalError("error on line \(error.line) of \(lines): \(error)") }
    }
    return 0
}
