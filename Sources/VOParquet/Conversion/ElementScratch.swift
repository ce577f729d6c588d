/// Reusable buffers for the elements of one array cell, so that decoding a row
/// allocates nothing once they have grown.
struct ElementScratch {
    var integers: [Int64] = []
    var doubles: [Double] = []
    var floats: [Float] = []
    var booleans: [Bool] = []
    /// Per element: whether it is null (only filled when some element is).
    var isNull: [Bool] = []
    var hasNull = false

    mutating func reset() {
        integers.removeAll(keepingCapacity: true)
        doubles.removeAll(keepingCapacity: true)
        floats.removeAll(keepingCapacity: true)
        booleans.removeAll(keepingCapacity: true)
        isNull.removeAll(keepingCapacity: true)
        hasNull = false
    }

    /// Records whether the element just added is null.
    mutating func noteElement(isNull null: Bool, count: Int) {
        if null, !hasNull {
            hasNull = true
            isNull = Array(repeating: false, count: count - 1)
        }
        if hasNull { isNull.append(null) }
    }

    /// Appends the collected elements of `primitive` as one array cell.
    func appendArray<Sink>(_ primitive: CellFormat.Primitive, to writer: VOParquetWriter<Sink>) throws(VOParquetError) {
        guard hasNull else {
            switch primitive {
            case .boolean, .bit: try writer.appendArray(booleans)
            case .unsignedByte, .short, .int, .long: try writer.appendArray(integers)
            case .float: try writer.appendArray(floats)
            case .double: try writer.appendArray(doubles)
            case .char, .unicodeChar: preconditionFailure("text is not an array")
            }
            return
        }
        try writer.beginArray()
        for index in isNull.indices {
            if isNull[index] {
                try writer.appendNull()
                continue
            }
            switch primitive {
            case .boolean, .bit: try writer.append(booleans[index])
            case .unsignedByte, .short, .int, .long: try writer.append(integers[index])
            case .float: try writer.append(floats[index])
            case .double: try writer.append(doubles[index])
            case .char, .unicodeChar: preconditionFailure("text is not an array")
            }
        }
        try writer.endArray()
    }
}
