import ParquetFormat
import ParquetReader
import VOParquet

/// `pqdump summary`: what a person wants to know first: size, rows, codecs, each column
/// with its type, unit, null count and description (from the embedded VOTable of a
/// VOParquet file), then the first rows as a table.
enum SummaryCommand {
    /// Rows shown in the table.
    static let rowCount = 5
    /// Columns shown in the table; wider tables end with a note.
    static let tableColumnLimit = 10
    /// Characters per table cell before it is cut with "…".
    static let cellWidth = 24

    static func run(_ context: DumpContext) throws(CommandFailure) {
        let reader = context.reader
        let metadata = reader.metadata
        let fields = context.schema.fields
        let voparquet = VOParquetSummary(reader)
        let votableFields = (try? voparquet?.envelope?.get())?.fields
        let described = fields.enumerated().map { index, field in
            describe(field, votable: votableFields?.count == fields.count ? votableFields?[index] : nil, context)
        }
        let records = try firstRecords(context)
        let codecs = Set(metadata.rowGroups.flatMap(\.columns).compactMap { $0.metaData?.codec.description }).sorted()
        context.emit(
            json: .object([
                ("file_size", .integer(reader.fileSize)),
                ("num_rows", .integer(metadata.numRows)),
                ("num_row_groups", .integer(metadata.rowGroups.count)),
                ("codecs", .array(codecs.map(JSON.string))),
                ("created_by", .optional(metadata.createdBy) { .string($0) }),
                ("voparquet_version", .optional(voparquet?.version) { .string($0) }),
                ("columns", .array(described.map(\.json))),
                ("first_rows", .array(records.map { .object(Array(zip(fields.map(\.name), $0))) })),
            ])
        ) {
            var lines = [
                [
                    voparquet.map { "VOParquet \($0.version ?? "?")" } ?? "Parquet",
                    "\(metadata.numRows) rows in \(metadata.rowGroups.count) row group\(metadata.rowGroups.count == 1 ? "" : "s")",
                    "\(fields.count) columns", "\(reader.fileSize) bytes",
                    codecs.isEmpty ? "no column chunks" : codecs.joined(separator: ", "),
                ].joined(separator: ", "),
                "written by " + (metadata.createdBy ?? "an unnamed writer"),
                "", "columns:",
            ]
            lines += aligned(described.map { [$0.name, $0.type, $0.unit ?? "", $0.nulls, $0.description ?? ""] })
                .map { "  " + $0 }
            lines += ["", records.isEmpty ? "no rows" : "first \(records.count) rows:"]
            if !records.isEmpty {
                let shown = min(fields.count, tableColumnLimit)
                let header = fields.prefix(shown).map(\.name)
                let body = records.map { record in record.prefix(shown).map { cell($0) } }
                lines += aligned([header] + body).map { "  " + $0 }
                if fields.count > shown { lines.append("  … and \(fields.count - shown) more columns (pqdump rows)") }
            }
            return lines
        }
    }

    /// One column of the summary.
    private struct ColumnSummary {
        var name: String
        var type: String
        var unit: String?
        var ucd: String?
        var description: String?
        var nullCount: Int64?

        var nulls: String { nullCount.map { "\($0) null" + ($0 == 1 ? "" : "s") } ?? "nulls unknown" }

        var json: JSON {
            .object([
                ("name", .string(name)), ("type", .string(type)), ("unit", .optional(unit) { .string($0) }),
                ("ucd", .optional(ucd) { .string($0) }), ("description", .optional(description) { .string($0) }),
                ("null_count", .optional(nullCount) { .integer($0) }),
            ])
        }
    }

    private static func describe(_ field: SchemaNode, votable: VOTableField?, _ context: DumpContext) -> ColumnSummary {
        var type: String
        if let votable {
            type = votable.datatype.rawValue + (votable.arraysizeText.map { "[\($0)]" } ?? "")
        } else if let logical = field.element.logicalType {
            type = SchemaDescription.text(logical)
        } else if field.isLeaf {
            type = context.schema.leaves[field.leaves.lowerBound].physicalType.description
        } else {
            type = "group"
        }
        // Nulls of a top-level field are those of its single leaf; nested fields have several.
        var nullCount: Int64?
        if field.isLeaf {
            let counts = context.reader.metadata.rowGroups.map {
                $0.columns[field.leaves.lowerBound].metaData?.statistics?.nullCount
            }
            if !counts.contains(where: { $0 == nil }) { nullCount = counts.reduce(0) { $0 + $1! } }
        }
        let description = votable?.description?.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return ColumnSummary(
            name: field.name, type: type, unit: votable?.unit, ucd: votable?.ucd, description: description,
            nullCount: nullCount)
    }

    /// The first rows, rendered; reads only the row groups it needs.
    private static func firstRecords(_ context: DumpContext) throws(CommandFailure) -> [[JSON]] {
        let fields = context.schema.root.children
        let shapes = fields.map { FieldShape(node: $0, in: context.schema) }
        var records: [[JSON]] = []
        for rowGroup in context.reader.metadata.rowGroups.indices where records.count < rowCount {
            do {
                for record in try context.reader.readRecords(rowGroup: rowGroup).prefix(rowCount - records.count) {
                    records.append(zip(record, shapes).map { context.renderer.json($0, shape: $1) })
                }
            } catch {
                throw CommandFailure(error)
            }
        }
        return records
    }

    private static func cell(_ value: JSON) -> String {
        let text = value == .null ? "null" : value.plainText.replacingNewlines()
        return text.count > cellWidth ? String(text.prefix(cellWidth - 1)) + "…" : text
    }

    /// Rows of cells padded into columns two spaces apart, without trailing spaces.
    private static func aligned(_ rows: [[String]]) -> [String] {
        let columnCount = rows.map(\.count).max() ?? 0
        let widths = (0..<columnCount).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return rows.map { row in
            var line = ""
            for (column, text) in row.enumerated() {
                line += text + String(repeating: " ", count: widths[column] - text.count + 2)
            }
            return String(line.reversed().drop { $0 == " " }.reversed())
        }
    }
}
