@testable import VOParquet

/// The incremental base64 decoder: decoding in pieces (split where the first byte
/// says) must give the same bytes, or fail at the same character, as decoding whole,
/// and never write past `maximumDecodedCount`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBase64(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard size > 0, let data else { return 0 }
    let text = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let pieceLength = Int(data[0] % 16) + 1
    let whole = decode(text, pieceLength: text.count + 1)
    let pieces = decode(text, pieceLength: pieceLength)
    // After an invalid character the output is unspecified; only its place must agree.
    guard whole.invalidAt == pieces.invalidAt,
        whole.invalidAt != nil || (whole.bytes == pieces.bytes && whole.complete == pieces.complete)
    else {
        fatalError("pieces of \(pieceLength) decode differently from the whole text")
    }
    return 0
}

private func decode(_ text: [UInt8], pieceLength: Int) -> (bytes: [UInt8], invalidAt: Int?, complete: Bool) {
    var decoder = Base64Decoder()
    var bytes: [UInt8] = []
    var start = 0
    while start < text.count {
        let end = min(text.count, start + pieceLength)
        let piece = Array(text[start..<end])
        // Exactly the promised room, so that AddressSanitizer catches any overrun.
        let room = Base64Decoder.maximumDecodedCount(piece.count)
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: room)
        defer { output.deallocate() }
        var invalidIndex = -1
        let written = piece.withUnsafeBufferPointer { decoder.decode($0, into: output, invalidIndex: &invalidIndex) }
        guard let written else { return (bytes, start + invalidIndex, false) }
        bytes.append(contentsOf: UnsafeBufferPointer(start: output, count: written))
        start = end
    }
    return (bytes, nil, decoder.isComplete)
}
