/// Incremental base64 decoding of a STREAM's text, piece by piece. Whitespace is
/// skipped; padding may close a group and another group may follow it.
struct Base64Decoder {
    private var accumulator: UInt32 = 0
    private var pending = 0
    private var padding = 0

    private static let invalid: UInt8 = 0xFF
    private static let skip: UInt8 = 0xFE
    private static let pad: UInt8 = 0xFD
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        for byte in [0x20, 0x09, 0x0A, 0x0D] { table[byte] = skip }
        table[Int(UInt8(ascii: "="))] = pad
        return table
    }()

    /// The most bytes `decode` writes for `count` characters.
    static func maximumDecodedCount(_ count: Int) -> Int { count / 4 * 3 + 3 }

    /// Decodes `text` into `output`, which has room for `maximumDecodedCount(text.count)`
    /// bytes; returns how many were written, or nil at a character that is not base64
    /// (`invalidIndex` is set to its index).
    mutating func decode(
        _ text: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>,
        invalidIndex: inout Int
    ) -> Int? {
        Self.table.withUnsafeBufferPointer { table in
            decode(text, into: output, table: table, invalidIndex: &invalidIndex)
        }
    }

    private mutating func decode(
        _ text: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>,
        table: UnsafeBufferPointer<UInt8>, invalidIndex: inout Int
    ) -> Int? {
        var written = 0
        var accumulator = self.accumulator
        var pending = self.pending
        var padding = self.padding
        var index = 0
        while index < text.count {
            // Fast path: four characters that are all base64 digits make three bytes.
            if pending == 0, padding == 0, index + 4 <= text.count {
                let a = table[Int(text[index])]
                let b = table[Int(text[index + 1])]
                let c = table[Int(text[index + 2])]
                let d = table[Int(text[index + 3])]
                if (a | b | c | d) < 64 {
                    let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                    output[written] = UInt8(truncatingIfNeeded: group >> 16)
                    output[written + 1] = UInt8(truncatingIfNeeded: group >> 8)
                    output[written + 2] = UInt8(truncatingIfNeeded: group)
                    written += 3
                    index += 4
                    continue
                }
            }
            defer { index += 1 }
            let value = table[Int(text[index])]
            if value < 64 {
                guard padding == 0 else {
                    // A new group after a padded one.
                    padding = 0
                    accumulator = UInt32(value)
                    pending = 1
                    continue
                }
                accumulator = accumulator << 6 | UInt32(value)
                pending += 1
                if pending == 4 {
                    output[written] = UInt8(truncatingIfNeeded: accumulator >> 16)
                    output[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 8)
                    output[written + 2] = UInt8(truncatingIfNeeded: accumulator)
                    written += 3
                    accumulator = 0
                    pending = 0
                }
            } else if value == Self.skip {
                continue
            } else if value == Self.pad {
                if padding > 0 {
                    padding += 1
                    guard padding <= 2 else {
                        invalidIndex = index
                        return nil
                    }
                    continue
                }
                // "xx==" carries one byte, "xxx=" two.
                guard pending >= 2 else {
                    invalidIndex = index
                    return nil
                }
                if pending == 2 {
                    output[written] = UInt8(truncatingIfNeeded: accumulator >> 4)
                    written += 1
                } else {
                    output[written] = UInt8(truncatingIfNeeded: accumulator >> 10)
                    output[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 2)
                    written += 2
                }
                padding = 1
                accumulator = 0
                pending = 0
            } else {
                invalidIndex = index
                return nil
            }
        }
        self.accumulator = accumulator
        self.pending = pending
        self.padding = padding
        return written
    }

    /// Whether the text ended on a group boundary.
    var isComplete: Bool { pending == 0 }
}
