/// Per-page statistics of a column chunk (part of the page index). Entry i of each list
/// describes the page at `OffsetIndex.pageLocations[i]`.
public struct ColumnIndex: ThriftCodable, Hashable {
    /// Whether each page holds only nulls; such pages have empty min and max entries.
    public var nullPages: [Bool]

    /// Lower bound of each page under the column's `ColumnOrder`.
    public var minValues: [[UInt8]]

    /// Upper bound of each page under the column's `ColumnOrder`.
    public var maxValues: [[UInt8]]

    /// Whether the bounds are sorted across pages.
    public var boundaryOrder: BoundaryOrder

    /// Number of nulls in each page.
    public var nullCounts: [Int64]?

    /// The pages' repetition level histograms, concatenated.
    public var repetitionLevelHistograms: [Int64]?

    /// The pages' definition level histograms, concatenated.
    public var definitionLevelHistograms: [Int64]?

    /// Number of NaNs in each page, for floating point columns.
    public var nanCounts: [Int64]?

    /// Creates a value; optional fields default to nil, meaning absent.
    public init(
        nullPages: [Bool],
        minValues: [[UInt8]],
        maxValues: [[UInt8]],
        boundaryOrder: BoundaryOrder,
        nullCounts: [Int64]? = nil,
        repetitionLevelHistograms: [Int64]? = nil,
        definitionLevelHistograms: [Int64]? = nil,
        nanCounts: [Int64]? = nil
    ) {
        self.nullPages = nullPages
        self.minValues = minValues
        self.maxValues = maxValues
        self.boundaryOrder = boundaryOrder
        self.nullCounts = nullCounts
        self.repetitionLevelHistograms = repetitionLevelHistograms
        self.definitionLevelHistograms = definitionLevelHistograms
        self.nanCounts = nanCounts
    }

    public static var thriftName: String { "ColumnIndex" }

    public static func thriftFieldName(_ id: Int16) -> String? {
        switch id {
        case 1: "null_pages"
        case 2: "min_values"
        case 3: "max_values"
        case 4: "boundary_order"
        case 5: "null_counts"
        case 6: "repetition_level_histograms"
        case 7: "definition_level_histograms"
        case 8: "nan_counts"
        default: nil
        }
    }

    public func encode(to encoder: inout CompactEncoder) {
        encoder.beginStruct()
        encoder.writeField(1, boolList: nullPages)
        encoder.writeField(2, binaryList: minValues)
        encoder.writeField(3, binaryList: maxValues)
        encoder.writeField(4, enum: boundaryOrder)
        if let nullCounts { encoder.writeField(5, i64List: nullCounts) }
        if let repetitionLevelHistograms { encoder.writeField(6, i64List: repetitionLevelHistograms) }
        if let definitionLevelHistograms { encoder.writeField(7, i64List: definitionLevelHistograms) }
        if let nanCounts { encoder.writeField(8, i64List: nanCounts) }
        encoder.endStruct()
    }

    public init(from decoder: inout CompactDecoder) throws(ThriftDecodingError) {
        try decoder.beginStruct(Self.self)
        var nullPages: [Bool]?
        var minValues: [[UInt8]]?
        var maxValues: [[UInt8]]?
        var boundaryOrder: BoundaryOrder?
        var nullCounts: [Int64]?
        var repetitionLevelHistograms: [Int64]?
        var definitionLevelHistograms: [Int64]?
        var nanCounts: [Int64]?
        while let field = try decoder.nextField() {
            switch (field.id, field.type) {
            case (1, .list): nullPages = try decoder.readBoolList()
            case (2, .list): minValues = try decoder.readBinaryList()
            case (3, .list): maxValues = try decoder.readBinaryList()
            case (4, .i32): boundaryOrder = try decoder.readEnum(BoundaryOrder.self)
            case (5, .list): nullCounts = try decoder.readI64List()
            case (6, .list): repetitionLevelHistograms = try decoder.readI64List()
            case (7, .list): definitionLevelHistograms = try decoder.readI64List()
            case (8, .list): nanCounts = try decoder.readI64List()
            default: try decoder.skip(field)
            }
        }
        self.init(
            nullPages: try decoder.requiredField(nullPages, id: 1),
            minValues: try decoder.requiredField(minValues, id: 2),
            maxValues: try decoder.requiredField(maxValues, id: 3),
            boundaryOrder: try decoder.requiredField(boundaryOrder, id: 4),
            nullCounts: nullCounts,
            repetitionLevelHistograms: repetitionLevelHistograms,
            definitionLevelHistograms: definitionLevelHistograms,
            nanCounts: nanCounts)
        decoder.endStruct()
    }
}
