import Parquet

extension ExpectedValue {
    /// What the readers must return for `cell` appended to a column of `type`: the
    /// logical value (DECIMAL as text, unsigned integers unsigned, FLOAT16 as its value),
    /// list by list for a LIST column.
    package init(_ cell: Cell, _ type: ColumnType) {
        switch (cell, type) {
        case (.null, _): self = .null
        case (.list(let elements), .list(let element, _)): self = .list(elements.map { ExpectedValue($0, element) })
        case (.int(let value), .decimal(_, let scale, _)):
            self = .decimal(ExpectedValue.decimalText(Int128(value), scale: scale))
        case (.bool(let value), _): self = .bool(value)
        case (.int(let value), _): self = .integer(Int128(value))
        case (.uint(let value), _): self = .integer(Int128(value))
        case (.float(let value), _): self = .real(Double(value))
        case (.double(let value), _): self = .real(value)
        case (.float16(let value), _): self = .real(Double(Float(value)))
        case (.string(let value), _): self = .text(value)
        case (.bytes(let value), _): self = .binary(value)
        case (.uuid(let value), _): self = .uuid(value)
        case (.list, _): preconditionFailure("a list cell goes into a LIST column, not \(type)")
        }
    }
}
