import Foundation

/// A value as the interop checker expects it (see Tests/interop/check_interop.py).
package enum ExpectedValue: Equatable {
    case null
    case bool(Bool)
    case integer(Int128)
    /// The exact value a reader must return, NaN, infinities and -0.0 included.
    case real(Double)
    case text(String)
    case binary([UInt8])
    case decimal(String)
    case uuid(UUID)
    case list([ExpectedValue])

    package var json: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .integer(let value): "\(value)"
        case .real(let value):
            if value.isNaN {
                "\"NaN\""
            } else if value == .infinity {
                "\"Infinity\""
            } else if value == -.infinity {
                "\"-Infinity\""
            } else {
                "\(value)"
            }
        case .text(let value): JSONText.quoted(value)
        case .binary(let value): JSONText.quoted(Data(value).base64EncodedString())
        case .decimal(let value): JSONText.quoted(value)
        case .uuid(let value): JSONText.quoted(value.uuidString.lowercased())
        case .list(let elements): "[" + elements.map(\.json).joined(separator: ", ") + "]"
        }
    }

    /// The leaf slots a list value occupies in its column: one per element, and one
    /// for a null or empty list, which is how Parquet counts nulls in list columns.
    package var leafSlots: [ExpectedValue] {
        guard case .list(let elements) = self else { return [self] }
        return elements.isEmpty ? [.null] : elements.flatMap(\.leafSlots)
    }

    /// The decimal text of `unscaled` × 10^-scale, with exactly `scale` fraction digits.
    package static func decimalText(_ unscaled: Int128, scale: Int) -> String {
        let digits = String(unscaled.magnitude)
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        let body = scale == 0 ? padded : padded[..<split] + "." + padded[split...]
        return (unscaled < 0 ? "-" : "") + body
    }
}

/// JSON string literals.
package enum JSONText {
    package static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
