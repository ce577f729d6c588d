import ParquetFormat

/// The ordered, validated list of columns a writer produces.
public struct Schema: Hashable, Sendable {
    /// The columns, in file order.
    public let columns: [Column]
    let descriptors: [ColumnDescriptor]

    /// Validates the columns: names non-empty and unique, decimal precision and
    /// scale in range, fixed lengths positive.
    public init(_ columns: [Column]) throws(ParquetWriterError) {
        guard !columns.isEmpty else { throw .invalidSchema("a schema needs at least one column") }
        var seen = Set<String>()
        var descriptors: [ColumnDescriptor] = []
        descriptors.reserveCapacity(columns.count)
        for column in columns {
            guard !column.name.isEmpty else { throw .invalidSchema("a column name is empty") }
            guard seen.insert(column.name).inserted else {
                throw .invalidSchema("duplicate column name '\(column.name)'")
            }
            descriptors.append(try ColumnDescriptor(column))
        }
        self.columns = columns
        self.descriptors = descriptors
    }

    /// The physical type of column `index`'s leaf and its list nesting depth (its
    /// maximum repetition level), as the writer lays the column out.
    public func leafLayout(ofColumn index: Int) -> (physicalType: PhysicalType, listDepth: Int) {
        (descriptors[index].formatPhysicalType, descriptors[index].maxRepetitionLevel)
    }
}
