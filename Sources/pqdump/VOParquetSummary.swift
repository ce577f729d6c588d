import Parquet
import ParquetFormat
import ParquetReader
import VOParquet

/// What a file's IVOA VOParquet footer keys hold, and whether the embedded VOTable
/// describes the file's columns: one FIELD per top-level column, in order, with a
/// datatype that maps to the column's type.
struct VOParquetSummary {
    static let versionKey = "IVOA.VOTable-Parquet.version"
    static let contentKey = "IVOA.VOTable-Parquet.content"

    let version: String?
    let content: String?
    /// The parsed document, or why it could not be parsed.
    let envelope: Result<VOTableEnvelope, VOParquetError>?
    /// Disagreements between the FIELDs and the columns, one line each.
    let mismatches: [String]

    /// The summary of a file with either key, or nil for a file that is not VOParquet.
    init?(_ reader: ParquetFileReader) {
        let pairs = reader.metadata.keyValueMetadata ?? []
        version = pairs.first { $0.key == Self.versionKey }?.value ?? nil
        content = pairs.first { $0.key == Self.contentKey }?.value ?? nil
        guard pairs.contains(where: { $0.key == Self.versionKey || $0.key == Self.contentKey }) else { return nil }
        guard let content else {
            envelope = nil
            mismatches = []
            return
        }
        do throws(VOParquetError) {
            let parsed = try VOTableEnvelope(document: content)
            envelope = .success(parsed)
            mismatches = Self.mismatches(parsed.fields, reader.schema)
        } catch {
            envelope = .failure(error)
            mismatches = []
        }
    }

    var fieldCount: Int? { (try? envelope?.get())?.fields.count }

    /// One line for `pqdump meta`.
    var line: String {
        var parts = ["version \(version ?? "(missing)")"]
        switch envelope {
        case .success(let parsed):
            parts.append("\(parsed.fields.count) FIELDs")
            parts.append(mismatches.isEmpty ? "FIELDs match the columns" : "\(mismatches.count) FIELD mismatches")
        case .failure(let error):
            parts.append("document does not parse: \(error)")
        case nil:
            parts.append("no document")
        }
        return parts.joined(separator: ", ")
    }

    var json: JSON {
        .object([
            ("version", .optional(version) { .string($0) }),
            ("fields", .optional(fieldCount) { .int(Int128($0)) }),
            ("fields_match_columns", .bool(fieldCount != nil && mismatches.isEmpty)),
        ])
    }

    private static func mismatches(_ fields: [VOTableField], _ schema: SchemaTree) -> [String] {
        let columns = schema.fields
        var problems: [String] = []
        if fields.count != columns.count {
            problems.append("\(fields.count) FIELDs for \(columns.count) top-level columns")
        }
        for (field, column) in zip(fields, columns) {
            guard field.name == column.name else {
                problems.append("FIELD '\(field.name)' stands where column '\(column.name)' is")
                continue
            }
            guard column.leaves.count == 1 else {
                problems.append("column '\(column.name)' has \(column.leaves.count) leaves, a FIELD maps to one")
                continue
            }
            let leaf = schema.leaves[column.leaves.lowerBound]
            do throws(VOParquetError) {
                let column = try VOParquetColumn(field: field).column
                if !accepts(leaf, expected: column, field: field) {
                    problems.append(
                        "FIELD '\(field.name)' (\(field.datatype)) does not map to a \(leaf.physicalType) column"
                            + " with \(leaf.maxRepetitionLevel) list levels")
                }
            } catch {
                problems.append("FIELD '\(field.name)': \(error)")
            }
        }
        return problems
    }

    /// Whether `leaf` stores what `expected` is written as: the same physical type and
    /// list depth (a timestamp FIELD may be text or a TIMESTAMP).
    private static func accepts(_ leaf: LeafColumn, expected: Column, field: VOTableField) -> Bool {
        guard let layout = try? Schema([expected]).leafLayout(ofColumn: 0),
            leaf.maxRepetitionLevel == layout.listDepth
        else { return false }
        if field.xtype == "timestamp", leaf.physicalType == .int64 { return true }
        return leaf.physicalType == layout.physicalType
    }
}
