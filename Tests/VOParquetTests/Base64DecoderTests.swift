import Foundation
import TestSupport
import Testing

@testable import VOParquet

/// The STREAM decoder against Foundation's base64, on text cut into pieces anywhere.
@Suite struct Base64DecoderTests {
    /// Decodes `pieces` one after another as the STREAM reader feeds them.
    private static func decode(_ pieces: [[UInt8]]) -> (bytes: [UInt8]?, complete: Bool) {
        var decoder = Base64Decoder()
        var bytes: [UInt8] = []
        for piece in pieces {
            var output = [UInt8](repeating: 0xAA, count: Base64Decoder.maximumDecodedCount(piece.count))
            var invalidIndex = -1
            let written = piece.withUnsafeBufferPointer { text in
                output.withUnsafeMutableBufferPointer {
                    decoder.decode(text, into: $0.baseAddress!, invalidIndex: &invalidIndex)
                }
            }
            guard let written else { return (nil, false) }
            bytes += output[..<written]
        }
        return (bytes, decoder.isComplete)
    }

    @Test func decodesWhatFoundationEncodesWhateverThePieces() {
        var generator = SeededGenerator(state: 64)
        for length in [0, 1, 2, 3, 4, 5, 47, 48, 57, 1_000, 4_099] {
            let data = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Array(Data(data).base64EncodedString(options: .lineLength76Characters).utf8)
            for _ in 0..<20 {
                var cuts = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                    Int.random(in: 0...text.count, using: &generator)
                }
                cuts.sort()
                var pieces: [[UInt8]] = []
                var start = 0
                for cut in cuts + [text.count] {
                    pieces.append(Array(text[start..<cut]))
                    start = cut
                }
                let decoded = Self.decode(pieces)
                #expect(decoded.bytes == data, "length \(length), cuts \(cuts)")
                #expect(decoded.complete)
            }
        }
    }

    @Test func everyDigitAtEveryPositionOfAGroup() {
        let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for position in 0..<4 {
            for digit in digits {
                var group = Array("QUJD".utf8)
                group[position] = digit
                let text = group + group + Array(" \n".utf8) + group
                let expected = Data(base64Encoded: Data(group + group + group)).map { [UInt8]($0) }
                #expect(Self.decode([text]).bytes == expected)
            }
        }
    }

    @Test func paddedGroupsMayBeFollowedByMoreGroups() {
        let text = Array("QQ==QkM=\r\n QUJD".utf8)
        #expect(Self.decode([text]).bytes == Array("ABCABC".utf8))
        #expect(Self.decode([Array("QUJDQQ".utf8)]).complete == false)
    }

    @Test func stopsAtTheFirstCharacterThatIsNotBase64() {
        for (text, index) in [("QUJDQUJD%UJD", 8), ("QUJD\nQU-D", 7), ("QQ===", 4), ("Q===", 1)] {
            var decoder = Base64Decoder()
            var output = [UInt8](repeating: 0, count: Base64Decoder.maximumDecodedCount(text.utf8.count))
            var invalidIndex = -1
            let written = Array(text.utf8).withUnsafeBufferPointer { text in
                output.withUnsafeMutableBufferPointer {
                    decoder.decode(text, into: $0.baseAddress!, invalidIndex: &invalidIndex)
                }
            }
            #expect(written == nil, "\(text)")
            #expect(invalidIndex == index, "\(text)")
        }
    }
}
