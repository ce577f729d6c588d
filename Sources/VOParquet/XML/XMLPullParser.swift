#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming, non-validating XML pull parser over a `ByteSource`, enough for
/// VOTable: elements, attributes, text, CDATA, comments, processing instructions,
/// a DOCTYPE (skipped), the predefined entities and character references.
/// Namespace prefixes are kept in names and ignored by the local-name helpers.
///
/// Only a window of the input is held: markup is kept whole (up to
/// `maxMarkupBytes`), long text is handed out in pieces. Errors carry the line.
/// The input must be UTF-8 (or ASCII).
final class XMLPullParser {
    private let source: any ByteSource
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private let maxMarkupBytes: Int
    private let textPieceBytes: Int
    /// Next byte to scan, end of valid bytes, and start of the token being scanned
    /// (kept in the buffer when it is refilled), all relative to `buffer`.
    private var position = 0
    private var limit = 0
    private var tokenBegin = 0
    /// Absolute input offset of `buffer[0]` and the newlines before it.
    private var base = 0
    private var linesBeforeBase = 0
    private var sourceFinished = false

    private enum Phase { case prolog, content, epilog, finished }
    private var phase = Phase.prolog
    private var inCDATA = false
    private var pendingEnd = false
    private var sawRoot = false

    /// Absolute offsets of the current event's bytes; at the end of the document,
    /// both are the input's length.
    private(set) var tokenStart = 0
    private(set) var tokenEnd = 0
    /// Absolute offset where the document starts (after a byte order mark).
    private(set) var documentStart = 0

    /// The current element's name bytes (start or end tag), relative to `buffer`.
    private var nameStart = 0
    private var nameEnd = 0
    /// Decoded attribute names and values of the current start tag.
    // Per-token buffers: touched for every tag, so exempt from dynamic exclusivity checks.
    @exclusivity(unchecked) private var attributeStorage: [UInt8] = []
    @exclusivity(unchecked) private var attributeSpans: [AttributeSpan] = []
    /// Names of the current start tag's attributes once there are many, so that finding
    /// a repeated one stays linear in the tag's length.
    private var manyAttributeNames: Set<[UInt8]> = []
    private static let attributesScannedForRepeats = 16
    /// The current text event's characters: a buffer of its own rather than an
    /// array, so that handing them out costs no reference counting per cell.
    private var textBuffer: UnsafeMutablePointer<UInt8>
    private var textCapacity: Int
    private var textCount = 0

    /// Names of the open elements, concatenated, with the end offset of each.
    @exclusivity(unchecked) private var openNames: [UInt8] = []
    @exclusivity(unchecked) private var openNameEnds: [Int] = []

    private var captureFrom: Int?
    private var capturedUpTo = 0
    private var captured: [UInt8] = []

    private struct AttributeSpan {
        var name: Range<Int>
        var value: Range<Int>
    }

    /// Elements nested deeper than this are refused, as libxml2 does by default: no
    /// VOTable needs more, and the open-element stack stays small.
    static let maximumDepth = 256

    init(
        source: any ByteSource, initialCapacity: Int = 1 << 16, maxMarkupBytes: Int = 64 << 20,
        textPieceBytes: Int = 1 << 16
    ) {
        self.source = source
        self.capacity = max(64, initialCapacity)
        self.buffer = .allocate(capacity: capacity)
        self.maxMarkupBytes = maxMarkupBytes
        self.textPieceBytes = max(16, textPieceBytes)
        self.textCapacity = self.textPieceBytes + 64
        self.textBuffer = .allocate(capacity: textCapacity)
    }

    deinit {
        buffer.deallocate()
        textBuffer.deallocate()
    }

    // MARK: Reading the current event

    /// Depth of open elements; the current start tag's element is included.
    var depth: Int { openNameEnds.count }

    /// Qualified names of the open elements, outermost first.
    var openElementNames: [String] { (0..<openNameEnds.count).map(openName) }

    /// The current element's qualified name.
    var name: String {
        String(decoding: UnsafeBufferPointer(start: buffer + nameStart, count: nameEnd - nameStart), as: UTF8.self)
    }

    /// The current element's name without its namespace prefix.
    var localName: String {
        let bytes = localNameBytes
        return String(decoding: bytes, as: UTF8.self)
    }

    private var localNameBytes: UnsafeBufferPointer<UInt8> {
        var start = nameStart
        for index in nameStart..<nameEnd where buffer[index] == UInt8(ascii: ":") { start = index + 1 }
        return UnsafeBufferPointer(start: buffer + start, count: nameEnd - start)
    }

    /// Whether the current element's local name is `literal` (ASCII), without allocating.
    @inline(__always)
    func hasLocalName(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let length = nameEnd - nameStart
        guard length >= count else { return false }
        let start = nameEnd - count
        guard start == nameStart || buffer[start - 1] == UInt8(ascii: ":") else { return false }
        return memcmp(buffer + start, literal.utf8Start, count) == 0
    }

    var hasAttributes: Bool { !attributeSpans.isEmpty }

    /// The value of the current start tag's attribute with this exact name.
    func attribute(_ name: String) -> String? {
        var key = name
        return key.withUTF8 { key in
            attributeStorage.withUnsafeBufferPointer { storage in
                for span in attributeSpans
                where span.name.count == key.count
                    && memcmp(storage.baseAddress! + span.name.lowerBound, key.baseAddress!, key.count) == 0
                {
                    return String(decoding: storage[span.value], as: UTF8.self)
                }
                return nil
            }
        }
    }

    /// Every attribute of the current start tag, in document order.
    var attributes: [(name: String, value: String)] {
        attributeSpans.map {
            (
                String(decoding: attributeStorage[$0.name], as: UTF8.self),
                String(decoding: attributeStorage[$0.value], as: UTF8.self)
            )
        }
    }

    /// The current text event's characters, valid until the next call to `next()`.
    var text: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: textBuffer, count: textCount) }

    /// The current text event's characters as a string.
    var textString: String { String(decoding: text, as: UTF8.self) }

    /// The one-based line of the current event's first byte.
    var line: Int { line(atRelative: max(0, tokenStart - base)) }

    /// An error at the current event.
    func error(_ message: String) -> XMLError { XMLError(line: line, message) }

    // MARK: Capturing raw input

    /// Starts keeping a copy of the raw input from absolute offset `offset`, which
    /// must not lie before the current event.
    func beginCapture(at offset: Int) {
        precondition(offset >= base, "capture must start within the buffered input")
        captureFrom = offset
        capturedUpTo = offset
    }

    /// Stops capturing and returns the raw bytes from the capture start up to
    /// absolute offset `offset` (within the current event or after it).
    func endCapture(at offset: Int) -> [UInt8] {
        guard let captureFrom else { return [] }
        appendCaptured(upTo: offset)
        // Bytes discarded past `offset` were captured already.
        if capturedUpTo > offset { captured.removeLast(capturedUpTo - max(offset, captureFrom)) }
        self.captureFrom = nil
        defer { captured = [] }
        return captured
    }

    private func appendCaptured(upTo offset: Int) {
        guard captureFrom != nil, offset > capturedUpTo else { return }
        captured.append(
            contentsOf: UnsafeBufferPointer(start: buffer + (capturedUpTo - base), count: offset - capturedUpTo))
        capturedUpTo = offset
    }

    // MARK: Events

    /// Moves to the next event. After `endOfDocument` it keeps returning `endOfDocument`.
    func next() throws(XMLError) -> XMLEvent {
        if pendingEnd {
            pendingEnd = false
            popElement()
            return .endElement
        }
        while true {
            switch phase {
            case .finished:
                return .endOfDocument
            case .content:
                tokenBegin = position
                tokenStart = base + position
                if inCDATA { return try scanText() }
                guard try ensure(1) else {
                    throw XMLError(
                        line: line(atRelative: position),
                        "the document ends inside <\(openName(openNameEnds.count - 1))> (truncated input?)")
                }
                if buffer[position] != UInt8(ascii: "<") { return try scanText() }
                if let event = try scanMarkup() { return event }
            case .prolog, .epilog:
                try skipWhitespaceOutsideRoot()
                tokenBegin = position
                tokenStart = base + position
                guard try ensure(1) else {
                    guard phase == .epilog else {
                        throw XMLError(line: line(atRelative: position), "the document has no root element")
                    }
                    phase = .finished
                    tokenStart = base + limit
                    tokenEnd = tokenStart
                    return .endOfDocument
                }
                if let event = try scanMarkup() { return event }
            }
        }
    }

    /// Reads everything up to the end tag of the element just started, returning
    /// its text content (markup inside is skipped, text inside nested elements kept).
    func readElementText() throws(XMLError) -> String {
        var content: [UInt8] = []
        let targetDepth = depth - 1
        while true {
            switch try next() {
            case .text: content.append(contentsOf: text)
            case .endElement where depth == targetDepth: return String(decoding: content, as: UTF8.self)
            case .endOfDocument: throw error("unexpected end of document")
            default: continue
            }
        }
    }

    /// Skips everything up to the end tag of the element just started.
    func skipElement() throws(XMLError) {
        let targetDepth = depth - 1
        while true {
            switch try next() {
            case .endElement where depth == targetDepth: return
            case .endOfDocument: throw error("unexpected end of document")
            default: continue
            }
        }
    }

    // MARK: Markup

    /// Scans the markup at `position` ('<'). Returns nil for markup that makes no
    /// event (comments, processing instructions, DOCTYPE, the start of a CDATA section).
    private func scanMarkup() throws(XMLError) -> XMLEvent? {
        guard try ensure(2) else { throw errorAtToken("the document ends inside markup (truncated input?)") }
        switch buffer[position + 1] {
        case UInt8(ascii: "/"):
            return try scanEndTag()
        case UInt8(ascii: "?"):
            try scanProcessingInstruction()
            return nil
        case UInt8(ascii: "!"):
            try scanDeclaration()
            return nil
        default:
            return try scanStartTag()
        }
    }

    private func scanStartTag() throws(XMLError) -> XMLEvent {
        guard phase != .epilog else { throw errorAtToken("a second root element") }
        let end = try findTagEnd()
        var index = tokenBegin + 1
        nameStart = index
        index = try scanName(at: index)
        nameEnd = index
        attributeStorage.removeAll(keepingCapacity: true)
        attributeSpans.removeAll(keepingCapacity: true)
        manyAttributeNames.removeAll(keepingCapacity: true)
        var selfClosing = false
        while true {
            let hadSpace = index < end && isWhitespace(buffer[index])
            while index < end && isWhitespace(buffer[index]) { index += 1 }
            if index == end { break }
            if buffer[index] == UInt8(ascii: "/") {
                guard index + 1 == end else { throw errorAtToken("'/' inside the tag of <\(name)>") }
                selfClosing = true
                break
            }
            guard hadSpace else { throw errorAtToken("attributes of <\(name)> must be separated by whitespace") }
            index = try scanAttribute(at: index, end: end)
        }
        guard depth < Self.maximumDepth else {
            throw errorAtToken("elements nested deeper than \(Self.maximumDepth) levels at <\(name)>")
        }
        position = end + 1
        tokenEnd = base + position
        pushElement()
        if phase == .prolog {
            phase = .content
            sawRoot = true
        }
        pendingEnd = selfClosing
        return .startElement
    }

    private func scanAttribute(at start: Int, end: Int) throws(XMLError) -> Int {
        let nameFrom = start
        var index = try scanName(at: start)
        let nameTo = index
        while index < end && isWhitespace(buffer[index]) { index += 1 }
        guard index < end, buffer[index] == UInt8(ascii: "=") else {
            throw errorAtToken("attribute '\(string(nameFrom..<nameTo))' of <\(name)> has no value")
        }
        index += 1
        while index < end && isWhitespace(buffer[index]) { index += 1 }
        guard index < end, buffer[index] == UInt8(ascii: "\"") || buffer[index] == UInt8(ascii: "'") else {
            throw errorAtToken("the value of attribute '\(string(nameFrom..<nameTo))' of <\(name)> is not quoted")
        }
        let quote = buffer[index]
        index += 1
        let nameRange = attributeStorage.count..<(attributeStorage.count + nameTo - nameFrom)
        attributeStorage.append(contentsOf: UnsafeBufferPointer(start: buffer + nameFrom, count: nameTo - nameFrom))
        if attributeSpans.count < Self.attributesScannedForRepeats {
            for span in attributeSpans where attributeStorage[span.name].elementsEqual(attributeStorage[nameRange]) {
                throw errorAtToken("attribute '\(string(nameFrom..<nameTo))' appears twice in <\(name)>")
            }
        } else {
            if manyAttributeNames.isEmpty {
                manyAttributeNames = Set(attributeSpans.map { Array(attributeStorage[$0.name]) })
            }
            guard manyAttributeNames.insert(Array(attributeStorage[nameRange])).inserted else {
                throw errorAtToken("attribute '\(string(nameFrom..<nameTo))' appears twice in <\(name)>")
            }
        }
        let valueStart = attributeStorage.count
        while true {
            // findTagEnd guarantees the closing quote lies before `end`.
            let byte = buffer[index]
            if byte == quote { break }
            switch byte {
            case UInt8(ascii: "<"):
                throw errorAtToken("'<' in the value of attribute '\(string(nameFrom..<nameTo))'")
            case UInt8(ascii: "&"):
                index = try decodeReference(at: index, end: end, into: &attributeStorage)
                continue
            case UInt8(ascii: "\r"):
                // Attribute-value normalization: line ends and tabs become spaces.
                attributeStorage.append(UInt8(ascii: " "))
                if index + 1 < end, buffer[index + 1] == UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "\n"), UInt8(ascii: "\t"):
                attributeStorage.append(UInt8(ascii: " "))
            default:
                attributeStorage.append(byte)
            }
            index += 1
        }
        attributeSpans.append(AttributeSpan(name: nameRange, value: valueStart..<attributeStorage.count))
        return index + 1
    }

    private func scanEndTag() throws(XMLError) -> XMLEvent {
        guard phase == .content else { throw errorAtToken("an end tag outside the root element") }
        let end = try findTagEnd()
        nameStart = tokenBegin + 2
        var index = try scanName(at: nameStart)
        nameEnd = index
        while index < end && isWhitespace(buffer[index]) { index += 1 }
        guard index == end else { throw errorAtToken("unexpected characters in the end tag </\(name)>") }
        let expected = openNameEnds.count - 1
        let expectedStart = expected == 0 ? 0 : openNameEnds[expected - 1]
        let matches = openNames.withUnsafeBufferPointer { names in
            nameEnd - nameStart == openNameEnds[expected] - expectedStart
                && memcmp(names.baseAddress! + expectedStart, buffer + nameStart, nameEnd - nameStart) == 0
        }
        guard matches else { throw errorAtToken("end tag </\(name)> does not match <\(openName(expected))>") }
        position = end + 1
        tokenEnd = base + position
        popElement()
        return .endElement
    }

    private func scanProcessingInstruction() throws(XMLError) {
        let isDocumentStart = base + tokenBegin == documentStart
        let end = try findSequence(UInt8(ascii: "?"), UInt8(ascii: ">"), from: 2)
        let target = try scanName(at: tokenBegin + 2)
        let targetName = string((tokenBegin + 2)..<target).lowercased()
        if targetName == "xml" {
            guard isDocumentStart else {
                throw errorAtToken("an XML declaration that is not at the start of the document")
            }
            try checkDeclaredEncoding(in: target..<end)
        }
        position = end + 2
    }

    /// Comments, CDATA sections and DOCTYPE declarations.
    private func scanDeclaration() throws(XMLError) {
        if try startsWith("<!--") {
            let end = try findSequence(UInt8(ascii: "-"), UInt8(ascii: "-"), UInt8(ascii: ">"), from: 4)
            position = end + 3
        } else if try startsWith("<![CDATA[") {
            guard phase == .content else { throw errorAtToken("a CDATA section outside the root element") }
            position = tokenBegin + 9
            inCDATA = true
        } else if try startsWith("<!DOCTYPE") {
            guard phase == .prolog else { throw errorAtToken("a DOCTYPE after the root element started") }
            position = try findDoctypeEnd() + 1
        } else {
            throw errorAtToken("unknown markup starting with '<!'")
        }
    }

    private func checkDeclaredEncoding(in range: Range<Int>) throws(XMLError) {
        let declaration = string(range)
        guard let keyEnd = declaration.firstRangeEnd(of: "encoding") else { return }
        let rest = declaration[keyEnd...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return }
        let value = rest.dropFirst().prefix { $0 != quote }.lowercased()
        guard ["utf-8", "utf8", "us-ascii", "ascii"].contains(value) else {
            throw errorAtToken("the document declares encoding '\(value)'; only UTF-8 is read")
        }
    }

    // MARK: Text

    private func skipWhitespaceOutsideRoot() throws(XMLError) {
        while true {
            tokenBegin = position
            guard try ensure(1) else { return }
            if base + position == 0 { try skipByteOrderMark() }
            while position < limit && isWhitespace(buffer[position]) { position += 1 }
            if position < limit {
                guard buffer[position] == UInt8(ascii: "<") else {
                    throw XMLError(
                        line: line(atRelative: position),
                        sawRoot ? "text after the root element" : "text before the root element")
                }
                return
            }
        }
    }

    private func skipByteOrderMark() throws(XMLError) {
        if try ensure(3), buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            position = 3
            documentStart = base + 3
        } else if try ensure(2), (buffer[0] == 0xFE && buffer[1] == 0xFF) || (buffer[0] == 0xFF && buffer[1] == 0xFE) {
            throw XMLError(line: 1, "the document is UTF-16; only UTF-8 is read")
        }
    }

    /// Collects character data up to the next markup (or the end of a CDATA
    /// section followed by markup), or a piece of it when it is long.
    private func scanText() throws(XMLError) -> XMLEvent {
        textCount = 0
        while true {
            // Copy a run of plain bytes in one go.
            var runEnd = position
            if inCDATA {
                while runEnd < limit, buffer[runEnd] != UInt8(ascii: "]"), buffer[runEnd] != UInt8(ascii: "\r") {
                    runEnd += 1
                }
            } else {
                runEnd = plainTextEnd(from: position)
            }
            if runEnd > position {
                appendText(buffer + position, count: runEnd - position)
                position = runEnd
            }
            if position == limit {
                if textCount >= textPieceBytes { break }
                tokenBegin = position
                guard try fill() else {
                    if textCount > 0 { break }
                    let inside = inCDATA ? "a CDATA section" : "<\(openName(openNameEnds.count - 1))>"
                    throw XMLError(
                        line: line(atRelative: position), "the document ends inside \(inside) (truncated input?)")
                }
                continue
            }
            let byte = buffer[position]
            if byte == UInt8(ascii: "<") { break }
            tokenBegin = position
            if byte == UInt8(ascii: "\r") {
                appendTextByte(UInt8(ascii: "\n"))
                position += 1
                tokenBegin = position
                if try ensure(1), buffer[position] == UInt8(ascii: "\n") { position += 1 }
            } else if byte == UInt8(ascii: "&") {
                let end = try findReferenceEnd()
                var decoded: [UInt8] = []
                position = try decodeReference(at: position, end: end + 1, into: &decoded)
                appendText(decoded, count: decoded.count)
            } else {
                // ']' inside CDATA: the end of the section, or a literal bracket.
                if try ensure(3), buffer[position + 1] == UInt8(ascii: "]"), buffer[position + 2] == UInt8(ascii: ">") {
                    position += 3
                    inCDATA = false
                } else {
                    appendTextByte(byte)
                    position += 1
                }
            }
            if textCount >= textPieceBytes { break }
        }
        tokenEnd = base + position
        return .text
    }

    private func appendText(_ bytes: UnsafePointer<UInt8>, count: Int) {
        if textCount + count > textCapacity {
            let capacity = max(textCapacity * 2, textCount + count)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: textBuffer, count: textCount)
            textBuffer.deallocate()
            textBuffer = grown
            textCapacity = capacity
        }
        (textBuffer + textCount).update(from: bytes, count: count)
        textCount += count
    }

    private func appendTextByte(_ byte: UInt8) {
        withUnsafePointer(to: byte) { appendText($0, count: 1) }
    }

    /// Decodes the entity or character reference at `index` ('&') into `output`;
    /// returns the index after its ';'. The reference must end before `end`.
    private func decodeReference(at index: Int, end: Int, into output: inout [UInt8]) throws(XMLError) -> Int {
        var semicolon = index + 1
        while semicolon < end, buffer[semicolon] != UInt8(ascii: ";"), semicolon - index <= 12 { semicolon += 1 }
        guard semicolon < end, buffer[semicolon] == UInt8(ascii: ";") else {
            throw XMLError(line: line(atRelative: index), "an '&' that does not start a reference")
        }
        let body = UnsafeBufferPointer(start: buffer + index + 1, count: semicolon - index - 1)
        if let first = body.first, first == UInt8(ascii: "#") {
            guard let scalar = XMLCharacterReference.scalar(body.dropFirst()) else {
                throw XMLError(
                    line: line(atRelative: index),
                    "invalid character reference '&\(String(decoding: body, as: UTF8.self));'")
            }
            output.append(contentsOf: UTF8.encode(scalar)!)
        } else if let byte = XMLCharacterReference.predefinedEntity(body) {
            output.append(byte)
        } else {
            throw XMLError(line: line(atRelative: index), "unknown entity '&\(String(decoding: body, as: UTF8.self));'")
        }
        return semicolon + 1
    }

    // MARK: Finding token ends (refilling the buffer as needed)

    /// Index of the '>' closing the tag at `tokenBegin`, skipping quoted values.
    private func findTagEnd() throws(XMLError) -> Int {
        var offset = 1
        var quote: UInt8 = 0
        while true {
            if tokenBegin + offset >= limit {
                guard try fill() else { throw errorAtToken("the document ends inside a tag (truncated input?)") }
            }
            let byte = buffer[tokenBegin + offset]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return tokenBegin + offset
            } else if byte == UInt8(ascii: "<") {
                throw errorAtToken("'<' inside a tag")
            }
            offset += 1
        }
    }

    private func findDoctypeEnd() throws(XMLError) -> Int {
        var offset = 9
        var quote: UInt8 = 0
        var bracketDepth = 0
        while true {
            if tokenBegin + offset >= limit {
                guard try fill() else { throw errorAtToken("the document ends inside the DOCTYPE") }
            }
            let byte = buffer[tokenBegin + offset]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                bracketDepth += 1
            } else if byte == UInt8(ascii: "]") {
                bracketDepth -= 1
            } else if byte == UInt8(ascii: ">"), bracketDepth <= 0 {
                return tokenBegin + offset
            }
            offset += 1
        }
    }

    /// Index where `first, second[, third]` next occur at or after `tokenBegin + from`.
    private func findSequence(_ first: UInt8, _ second: UInt8, _ third: UInt8? = nil, from: Int) throws(XMLError) -> Int
    {
        let length = third == nil ? 2 : 3
        var offset = from
        while true {
            while tokenBegin + offset + length > limit {
                guard try fill() else {
                    throw errorAtToken("the document ends inside a comment or processing instruction")
                }
            }
            let index = tokenBegin + offset
            if buffer[index] == first, buffer[index + 1] == second, third.map({ buffer[index + 2] == $0 }) ?? true {
                return index
            }
            offset += 1
        }
    }

    /// Index of the ';' ending the reference at `tokenBegin`.
    private func findReferenceEnd() throws(XMLError) -> Int {
        var offset = 1
        while true {
            if tokenBegin + offset >= limit {
                guard try fill() else { throw errorAtToken("the document ends inside a reference") }
            }
            if buffer[tokenBegin + offset] == UInt8(ascii: ";") { return tokenBegin + offset }
            guard offset <= 12 else { throw errorAtToken("an '&' that does not start a reference") }
            offset += 1
        }
    }

    private func startsWith(_ literal: StaticString) throws(XMLError) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard try ensure(count) else { return false }
        return memcmp(buffer + tokenBegin, literal.utf8Start, count) == 0
    }

    private func scanName(at start: Int) throws(XMLError) -> Int {
        var index = start
        guard index < limit, isNameStart(buffer[index]) else { throw errorAtToken("a name was expected") }
        index += 1
        while index < limit, isNameByte(buffer[index]) { index += 1 }
        return index
    }

    // MARK: Buffer

    /// Makes at least `count` bytes available from `position`; false at the end of input.
    @inline(__always)
    private func ensure(_ count: Int) throws(XMLError) -> Bool {
        while limit - position < count {
            guard try fill() else { return false }
        }
        return true
    }

    /// Discards bytes before `tokenBegin`, grows the buffer if the token fills it,
    /// and reads more input. False at the end of input.
    private func fill() throws(XMLError) -> Bool {
        guard !sourceFinished else { return false }
        if tokenBegin > 0 { discard(tokenBegin) }
        if limit == capacity {
            guard capacity < maxMarkupBytes else {
                throw XMLError(line: line(atRelative: 0), "markup longer than \(maxMarkupBytes) bytes")
            }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: min(maxMarkupBytes, capacity * 2))
            grown.update(from: buffer, count: limit)
            buffer.deallocate()
            buffer = grown
            capacity = min(maxMarkupBytes, capacity * 2)
        }
        let count: Int
        do {
            count = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer + limit, count: capacity - limit))
        } catch {
            throw XMLError(line: line(atRelative: limit), "\(error)", isInputFailure: true)
        }
        if count == 0 {
            sourceFinished = true
            return false
        }
        limit += count
        return true
    }

    /// Drops the first `count` buffered bytes, keeping line count and capture.
    private func discard(_ count: Int) {
        appendCaptured(upTo: base + count)
        linesBeforeBase += newlines(in: 0..<count)
        memmove(buffer, buffer + count, limit - count)
        base += count
        limit -= count
        position -= count
        tokenBegin -= count
        nameStart = max(0, nameStart - count)
        nameEnd = max(0, nameEnd - count)
    }

    private func newlines(in range: Range<Int>) -> Int {
        var lines = 0
        var start = range.lowerBound
        while start < range.upperBound, let found = memchr(buffer + start, 0x0A, range.upperBound - start) {
            lines &+= 1
            start = buffer.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return lines
    }

    /// The end of the run of character data from `start` that needs no decoding:
    /// the first '<', '&' or carriage return, or `limit`. memchr scans in wide steps.
    private func plainTextEnd(from start: Int) -> Int {
        var end = limit
        for byte in [UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\r")] {
            if let found = memchr(buffer + start, Int32(byte), end - start) {
                end = buffer.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
        }
        return end
    }

    private func line(atRelative index: Int) -> Int {
        linesBeforeBase + 1 + newlines(in: 0..<min(max(0, index), limit))
    }

    private func errorAtToken(_ message: String) -> XMLError {
        XMLError(line: line(atRelative: tokenBegin), message)
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(start: buffer + range.lowerBound, count: range.count), as: UTF8.self)
    }

    // MARK: Open elements

    private func pushElement() {
        openNames.append(contentsOf: UnsafeBufferPointer(start: buffer + nameStart, count: nameEnd - nameStart))
        openNameEnds.append(openNames.count)
    }

    private func popElement() {
        openNameEnds.removeLast()
        openNames.removeLast(openNames.count - (openNameEnds.last ?? 0))
        if openNameEnds.isEmpty { phase = .epilog }
    }

    private func openName(_ index: Int) -> String {
        guard index >= 0, index < openNameEnds.count else { return "?" }
        let start = index == 0 ? 0 : openNameEnds[index - 1]
        return String(decoding: openNames[start..<openNameEnds[index]], as: UTF8.self)
    }

    // MARK: Character classes

    @inline(__always)
    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    @inline(__always)
    private func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    @inline(__always)
    private func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}

extension String {
    /// The index just after the first occurrence of `needle`.
    fileprivate func firstRangeEnd(of needle: String) -> String.Index? {
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(needle) { return index(start, offsetBy: needle.count) }
            start = index(after: start)
        }
        return nil
    }
}
