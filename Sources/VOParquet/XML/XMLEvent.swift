/// One step through a document, as `XMLPullParser.next()` reports it. The name,
/// attributes and text of the step are read from the parser until the next call.
enum XMLEvent: Equatable, Sendable {
    /// A start tag, or the start of an empty-element tag (which is followed by its `endElement`).
    case startElement
    case endElement
    /// Character data with references resolved, CDATA included. A long run of text
    /// comes as several consecutive `text` events.
    case text
    case endOfDocument
}
