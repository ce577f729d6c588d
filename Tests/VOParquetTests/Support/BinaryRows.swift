import Foundation

/// Builds the bytes of BINARY/BINARY2 rows for tests, big-endian as VOTable wants.
struct BinaryRows {
    var bytes: [UInt8] = []

    mutating func flags(_ nulls: [Bool]) {
        var packed = [UInt8](repeating: 0, count: (nulls.count + 7) / 8)
        for (index, isNull) in nulls.enumerated() where isNull { packed[index / 8] |= 0x80 >> UInt8(index % 8) }
        bytes += packed
    }

    mutating func int(_ value: Int32) { withUnsafeBytes(of: value.bigEndian) { bytes += $0 } }
    mutating func short(_ value: Int16) { withUnsafeBytes(of: value.bigEndian) { bytes += $0 } }
    mutating func long(_ value: Int64) { withUnsafeBytes(of: value.bigEndian) { bytes += $0 } }
    mutating func double(_ value: Double) { withUnsafeBytes(of: value.bitPattern.bigEndian) { bytes += $0 } }
    mutating func boolean(_ value: Bool?) {
        bytes.append(value.map { $0 ? UInt8(ascii: "T") : UInt8(ascii: "F") } ?? UInt8(ascii: "?"))
    }
    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func chars(_ text: String) {
        int(Int32(text.utf8.count))
        bytes += text.utf8
    }

    mutating func unicodeChars(_ text: String) {
        int(Int32(text.utf16.count))
        for unit in text.utf16 { withUnsafeBytes(of: unit.bigEndian) { bytes += $0 } }
    }

    /// The rows as a base64 STREAM body, broken into lines as writers do.
    var base64: String {
        let text = Data(bytes).base64EncodedString()
        return stride(from: 0, to: text.count, by: 76).map { start in
            let from = text.index(text.startIndex, offsetBy: start)
            return String(text[from..<(text.index(from, offsetBy: min(76, text.count - start)))])
        }.joined(separator: "\n")
    }
}
