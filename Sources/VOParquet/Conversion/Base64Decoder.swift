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
    /// For each of a group's four positions, every character's 6 bits already shifted to
    /// where they land in the group's three bytes (first byte lowest), 256 entries per
    /// position; a character that is not a base64 digit sets bits above the third byte.
    private static let groupTables: [UInt32] = {
        var tables = [UInt32](repeating: 0xFFFF_FFFF, count: 4 * 256)
        for (byte, value) in table.enumerated() where value < 64 {
            let bits = UInt32(value)
            tables[byte] = bits << 2
            tables[256 + byte] = bits >> 4 | (bits & 0x0F) << 12
            tables[512 + byte] = (bits >> 2) << 8 | (bits & 0x03) << 22
            tables[768 + byte] = bits << 16
        }
        return tables
    }()

    /// The most bytes `decode` writes for `count` characters: a group begun in an earlier
    /// piece may end with 3 bytes, and the fast path's last word writes one byte past its group.
    static func maximumDecodedCount(_ count: Int) -> Int { count / 4 * 3 + 4 }

    /// Decodes `text` into `output`, which has room for `maximumDecodedCount(text.count)`
    /// bytes; returns how many were written, or nil at a character that is not base64
    /// (`invalidIndex` is set to its index).
    mutating func decode(
        _ text: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>,
        invalidIndex: inout Int
    ) -> Int? {
        Self.table.withUnsafeBufferPointer { table in
            Self.groupTables.withUnsafeBufferPointer { groupTables in
                decode(text, into: output, table: table, groupTables: groupTables, invalidIndex: &invalidIndex)
            }
        }
    }

    private mutating func decode(
        _ text: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>,
        table: UnsafeBufferPointer<UInt8>, groupTables: UnsafeBufferPointer<UInt32>, invalidIndex: inout Int
    ) -> Int? {
        var written = 0
        var accumulator = self.accumulator
        var pending = self.pending
        var padding = self.padding
        var index = 0
        while index < text.count {
            // Fast path: whole groups of four base64 digits, each three bytes stored as
            // one 4-byte word (the fourth byte is overwritten by the next group or unused:
            // `maximumDecodedCount` leaves room for it). It stops at anything else.
            if pending == 0, padding == 0 {
                let groups = Self.decodeGroups(
                    UnsafeBufferPointer(rebasing: text[index...]), into: output + written, tables: groupTables)
                index += groups * 4
                written += groups * 3
                if index == text.count { break }
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

    /// Decodes the whole groups at the start of `text` up to the first character that is
    /// not a base64 digit; returns how many groups it decoded.
    @inline(__always)
    private static func decodeGroups(
        _ text: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>,
        tables: UnsafeBufferPointer<UInt32>
    ) -> Int {
        guard let base = text.baseAddress else { return 0 }
        let raw = UnsafeMutableRawPointer(output)
        var groups = 0
        let end = text.count / 4
        while groups < end {
            let characters = base + groups &* 4
            let word =
                tables[Int(characters[0])] | tables[256 &+ Int(characters[1])]
                | tables[512 &+ Int(characters[2])] | tables[768 &+ Int(characters[3])]
            guard word < 0x0100_0000 else { break }
            raw.storeBytes(of: word.littleEndian, toByteOffset: groups &* 3, as: UInt32.self)
            groups &+= 1
        }
        return groups
    }

    /// Whether the text ended on a group boundary.
    var isComplete: Bool { pending == 0 }
}
