#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The decoded bytes of a base64 STREAM element, pulled from the XML parser as the
/// row decoder asks for them. Holds about one row plus one text piece.
final class BinaryStreamReader {
    private let parser: XMLPullParser
    private var decoder = Base64Decoder()
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Unread decoded bytes are buffer[start..<end].
    private(set) var start = 0
    private var end = 0
    private var streamEnded = false
    /// Decoded bytes dropped from the front of the buffer so far.
    private var dropped = 0
    private let streamDepth: Int

    /// The parser must be on the STREAM start tag.
    init(parser: XMLPullParser, initialCapacity: Int = 1 << 17) {
        self.parser = parser
        streamDepth = parser.depth
        capacity = initialCapacity
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    /// Offset in the decoded stream of the next unread byte.
    var offset: Int { dropped + start }

    /// Makes `count` bytes readable at `pointer`; false when the stream ends first.
    @inline(__always)
    func require(_ count: Int) throws(ConversionError) -> Bool {
        if end - start >= count { return true }
        return try fill(count)
    }

    /// The next unread byte's address; valid until the next `require`.
    @inline(__always)
    var pointer: UnsafeMutablePointer<UInt8> { buffer + start }

    @inline(__always)
    func skip(_ count: Int) { start &+= count }

    /// Whether nothing is left: the end of the STREAM with every byte read.
    func isAtEnd() throws(ConversionError) -> Bool { try !require(1) }

    private func fill(_ count: Int) throws(ConversionError) -> Bool {
        if start > 0 {
            memmove(buffer, buffer + start, end - start)
            end -= start
            dropped += start
            start = 0
        }
        while end < count {
            guard !streamEnded else { return false }
            let event: XMLEvent
            do { event = try parser.next() } catch { throw ConversionError(error) }
            switch event {
            case .text:
                let text = parser.text
                let room = end + Base64Decoder.maximumDecodedCount(text.count)
                if room > capacity { grow(to: max(room, capacity * 2)) }
                var invalidIndex = 0
                guard let written = decoder.decode(text, into: buffer + end, invalidIndex: &invalidIndex) else {
                    let character = Unicode.Scalar(text[invalidIndex])
                    throw ConversionError(
                        line: parser.line,
                        "the base64 STREAM holds an invalid character '\(character.escaped(asASCII: true))'")
                }
                end += written
            case .endElement where parser.depth == streamDepth - 1:
                streamEnded = true
                guard decoder.isComplete else {
                    throw ConversionError(
                        line: parser.line, "the base64 STREAM ends in the middle of a 4-character group")
                }
            case .startElement:
                throw ConversionError(line: parser.line, "unexpected <\(parser.name)> inside STREAM")
            default:
                throw ConversionError(line: parser.line, "unexpected end of STREAM")
            }
        }
        return true
    }

    private func grow(to newCapacity: Int) {
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: buffer, count: end)
        buffer.deallocate()
        buffer = grown
        capacity = newCapacity
    }
}
