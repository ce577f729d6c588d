/// A parsed JSON value for comparing pqdump's output with expected JSON. Integers keep
/// their exact value (up to 128 bits), so 64-bit extremes compare exactly.
enum JSONValue: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case integer(Int128)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Integers and doubles compare by value; everything else structurally.
    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.integer(let a), .number(let b)), (.number(let b), .integer(let a)): return Double(a) == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .integer(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let values): "[" + values.map(\.description).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// Differences where `self`, the expected value, is not contained in `actual`:
    /// objects may have extra members in `actual`; arrays and scalars must match.
    func mismatches(in actual: JSONValue, path: String = "$") -> [String] {
        switch (self, actual) {
        case (.object(let expected), .object(let found)):
            return expected.keys.sorted().flatMap { key -> [String] in
                guard let value = found[key] else { return ["\(path).\(key): missing"] }
                return expected[key]!.mismatches(in: value, path: "\(path).\(key)")
            }
        case (.array(let expected), .array(let found)) where expected.count == found.count:
            return zip(expected, found).enumerated().flatMap { $1.0.mismatches(in: $1.1, path: "\(path)[\($0)]") }
        default:
            return self == actual ? [] : ["\(path): expected \(self), found \(actual)"]
        }
    }

    static func parse(_ text: String) throws -> JSONValue {
        var parser = Parser(bytes: Array(text.utf8))
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.position == parser.bytes.count else { throw parser.failure("trailing characters") }
        return value
    }

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    private struct Parser {
        let bytes: [UInt8]
        var position = 0

        func failure(_ message: String) -> ParseError {
            ParseError(description: "JSON \(message) at byte \(position)")
        }

        mutating func skipWhitespace() {
            while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) {
                position += 1
            }
        }

        mutating func value() throws -> JSONValue {
            skipWhitespace()
            guard position < bytes.count else { throw failure("ends early") }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                position += 1
                var members: [String: JSONValue] = [:]
                skipWhitespace()
                if bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    return .object(members)
                }
                while true {
                    skipWhitespace()
                    let key = try string()
                    skipWhitespace()
                    try expect(":")
                    members[key] = try value()
                    skipWhitespace()
                    if try separator("}") { return .object(members) }
                }
            case UInt8(ascii: "["):
                position += 1
                var elements: [JSONValue] = []
                skipWhitespace()
                if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .array(elements)
                }
                while true {
                    elements.append(try value())
                    skipWhitespace()
                    if try separator("]") { return .array(elements) }
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"):
                try literal("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try literal("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try literal("null")
                return .null
            default:
                return try number()
            }
        }

        /// After a member or element: true at the closing bracket, false after a comma.
        mutating func separator(_ closing: Unicode.Scalar) throws -> Bool {
            guard position < bytes.count else { throw failure("ends early") }
            if bytes[position] == UInt8(ascii: closing) {
                position += 1
                return true
            }
            try expect(",")
            return false
        }

        mutating func expect(_ character: Unicode.Scalar) throws {
            guard position < bytes.count, bytes[position] == UInt8(ascii: character) else {
                throw failure("expected \(character)")
            }
            position += 1
        }

        mutating func literal(_ word: String) throws {
            let expected = Array(word.utf8)
            guard bytes.count - position >= expected.count,
                Array(bytes[position..<(position + expected.count)]) == expected
            else {
                throw failure("bad literal")
            }
            position += expected.count
        }

        mutating func number() throws -> JSONValue {
            let start = position
            while position < bytes.count, "+-0123456789.eE".utf8.contains(bytes[position]) {
                position += 1
            }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            if let integer = Int128(text) { return .integer(integer) }
            guard let double = Double(text) else { throw failure("bad number \(text)") }
            return .number(double)
        }

        mutating func string() throws -> String {
            try expect("\"")
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll()
            }
            while true {
                guard position < bytes.count else { throw failure("unterminated string") }
                let byte = bytes[position]
                position += 1
                if byte == UInt8(ascii: "\"") { break }
                guard byte == UInt8(ascii: "\\") else {
                    raw.append(byte)
                    continue
                }
                flush()
                guard position < bytes.count else { throw failure("unterminated escape") }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "u"):
                    var code = try hexQuad()
                    if (0xD800..<0xDC00).contains(code) {
                        try literal("\\u")
                        code = 0x10000 + (code - 0xD800) << 10 + (try hexQuad() - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw failure("bad \\u escape") }
                    scalars.append(scalar)
                default: scalars.append(Unicode.Scalar(escape))
                }
            }
            flush()
            return String(scalars)
        }

        mutating func hexQuad() throws -> UInt32 {
            guard bytes.count - position >= 4,
                let code = UInt32(String(decoding: bytes[position..<(position + 4)], as: UTF8.self), radix: 16)
            else {
                throw failure("bad \\u escape")
            }
            position += 4
            return code
        }
    }
}
