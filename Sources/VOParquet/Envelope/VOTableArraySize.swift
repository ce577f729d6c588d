/// A FIELD's `arraysize`: dimensions with the first varying fastest, where the
/// last one may be variable (`*`), optionally with an upper bound (`n*`).
public struct VOTableArraySize: Hashable, Sendable, CustomStringConvertible {
    /// The extent of the last dimension.
    public enum Extent: Hashable, Sendable {
        /// Exactly this many.
        case fixed(Int)
        /// At most this many (`n*`).
        case bounded(Int)
        /// Any number (`*`).
        case unbounded
    }

    /// Every dimension but the last.
    public let leadingDimensions: [Int]
    /// The extent of the last dimension.
    public let last: Extent

    /// Parses `n`, `n*`, `*` and multi-dimensional forms such as `2x3` and `2x3x*`;
    /// nil for anything else.
    public init?(_ text: String) {
        let parts = text.trimmingASCIIWhitespace().split(separator: "x", omittingEmptySubsequences: false)
        guard let lastPart = parts.last else { return nil }
        var leading: [Int] = []
        for part in parts.dropLast() {
            guard let count = Int(part), count >= 1 else { return nil }
            leading.append(count)
        }
        if lastPart == "*" {
            last = .unbounded
        } else if lastPart.hasSuffix("*") {
            guard let bound = Int(lastPart.dropLast()), bound >= 1 else { return nil }
            last = .bounded(bound)
        } else {
            guard let count = Int(lastPart), count >= 1 else { return nil }
            last = .fixed(count)
        }
        leadingDimensions = leading
    }

    /// Whether this is the single-element size `1`, which numeric FIELDs treat as a scalar.
    public var isSingle: Bool { leadingDimensions.isEmpty && last == .fixed(1) }

    /// Whether there is more than one dimension.
    public var isMultiDimensional: Bool { !leadingDimensions.isEmpty }

    /// The element count of a fixed-size array; nil when the last dimension varies.
    public var fixedCount: Int? {
        guard case .fixed(let count) = last else { return nil }
        return leadingDimensions.reduce(count, *)
    }

    /// The most elements a value may have; nil when unbounded.
    public var maximumCount: Int? {
        switch last {
        case .fixed(let count), .bounded(let count): leadingDimensions.reduce(count, *)
        case .unbounded: nil
        }
    }

    public var description: String {
        let lastText =
            switch last {
            case .fixed(let count): "\(count)"
            case .bounded(let count): "\(count)*"
            case .unbounded: "*"
            }
        return (leadingDimensions.map(String.init) + [lastText]).joined(separator: "x")
    }
}

extension StringProtocol {
    func trimmingASCIIWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let text = Substring(self)
        guard let first = text.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = text.lastIndex(where: { !isSpace($0) })!
        return text[first...last]
    }
}
