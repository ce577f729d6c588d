import Parquet
import ParquetFormat

/// The JSON description of a written file that Tests/interop/check_interop.py
/// compares every reader's result against.
package struct ExpectedFile {
    /// One row group's statistics of a column: for a LIST column, those of its leaf.
    package struct ColumnStatistics {
        package var nullCount: Int
        package var min: ExpectedValue
        package var max: ExpectedValue

        package init(nullCount: Int, min: ExpectedValue, max: ExpectedValue) {
            self.nullCount = nullCount
            self.min = min
            self.max = max
        }
    }

    /// Each column with one value per row.
    package var columns: [(column: Column, values: [ExpectedValue])]
    package var rowGroups: Int?
    package var statistics: [String: [ColumnStatistics]] = [:]
    /// Whether every column chunk has a ColumnIndex and an OffsetIndex (true) or none has (false).
    package var pageIndex: Bool?
    package var bloomFilters: BloomFilters?

    package init(columns: [(column: Column, values: [ExpectedValue])], rowGroups: Int? = nil) {
        self.columns = columns
        self.rowGroups = rowGroups
    }

    /// What DuckDB's parquet_bloom_probe checks: every row's value probes present in
    /// its row group (rows are grouped `rowGroupRows` at a time), and each column's
    /// `absent` values probe present at about `falsePositiveProbability` at most.
    package struct BloomFilters {
        package var rowGroupRows: Int
        package var falsePositiveProbability: Double
        package var absent: [String: [ExpectedValue]]

        package init(rowGroupRows: Int, falsePositiveProbability: Double, absent: [String: [ExpectedValue]]) {
            self.rowGroupRows = rowGroupRows
            self.falsePositiveProbability = falsePositiveProbability
            self.absent = absent
        }

        package var json: String {
            let columns = absent.keys.sorted().map { name in
                JSONText.quoted(name) + ": [" + absent[name]!.map(\.json).joined(separator: ", ") + "]"
            }
            return "{\"row_group_rows\": \(rowGroupRows), \"false_positive_probability\": \(falsePositiveProbability), "
                + "\"absent\": {" + columns.joined(separator: ", ") + "}}"
        }
    }

    package var json: String {
        let rows = columns.first?.values.count ?? 0
        var parts = ["\"num_rows\": \(rows)"]
        if let rowGroups { parts.append("\"row_groups\": \(rowGroups)") }
        if let pageIndex { parts.append("\"page_index\": \(pageIndex)") }
        if let bloomFilters { parts.append("\"bloom_filters\": \(bloomFilters.json)") }
        let columnJSON = columns.map { column, values in
            var fields = [
                "\"name\": \(JSONText.quoted(column.name))",
                "\"repetition\": \"\(column.repetition == .required ? "REQUIRED" : "OPTIONAL")\"",
            ]
            fields += Self.typeFields(column.type.leafType)
            let listLevels = Self.listLevels(column.type)
            if !listLevels.isEmpty {
                fields.append("\"list_levels\": [" + listLevels.map { "\"\($0)\"" }.joined(separator: ", ") + "]")
            }
            fields.append("\"values\": [" + values.map(\.json).joined(separator: ", ") + "]")
            if let statistics = statistics[column.name] {
                let items = statistics.map {
                    "{\"null_count\": \($0.nullCount), \"min\": \($0.min.json), \"max\": \($0.max.json)}"
                }
                fields.append("\"statistics\": [" + items.joined(separator: ", ") + "]")
            }
            return "{" + fields.joined(separator: ", ") + "}"
        }
        parts.append("\"columns\": [\n" + columnJSON.joined(separator: ",\n") + "\n]")
        return "{" + parts.joined(separator: ", ") + "}\n"
    }

    /// The repetition of each list level's element, outermost first; empty for a flat column.
    package static func listLevels(_ type: ColumnType) -> [String] {
        guard case .list(let element, let repetition) = type else { return [] }
        return [repetition == .required ? "REQUIRED" : "OPTIONAL"] + listLevels(element)
    }

    /// The physical type, type length and logical type keys of a leaf type.
    package static func typeFields(_ type: ColumnType) -> [String] {
        func fields(_ physical: String, _ logical: String?, length: Int? = nil) -> [String] {
            [
                "\"physical_type\": \"\(physical)\"", "\"type_length\": \(length.map(String.init) ?? "null")",
                "\"logical_type\": \(logical ?? "null")",
            ]
        }
        func unit(_ unit: TimeUnit) -> String {
            switch unit {
            case .millis: "MILLIS"
            case .micros: "MICROS"
            case .nanos: "NANOS"
            case .unrecognized(let member): "TimeUnit(\(member.header.id))"
            }
        }
        func integer(_ bits: Int, _ signed: Bool) -> String {
            "{\"type\": \"INTEGER\", \"bit_width\": \(bits), \"is_signed\": \(signed)}"
        }
        switch type {
        case .boolean: return fields("BOOLEAN", nil)
        case .int32: return fields("INT32", nil)
        case .int64: return fields("INT64", nil)
        case .int8: return fields("INT32", integer(8, true))
        case .int16: return fields("INT32", integer(16, true))
        case .uint8: return fields("INT32", integer(8, false))
        case .uint16: return fields("INT32", integer(16, false))
        case .uint32: return fields("INT32", integer(32, false))
        case .uint64: return fields("INT64", integer(64, false))
        case .float: return fields("FLOAT", nil)
        case .double: return fields("DOUBLE", nil)
        case .float16: return fields("FIXED_LEN_BYTE_ARRAY", "{\"type\": \"FLOAT16\"}", length: 2)
        case .string: return fields("BYTE_ARRAY", "{\"type\": \"STRING\"}")
        case .json: return fields("BYTE_ARRAY", "{\"type\": \"JSON\"}")
        case .enumeration: return fields("BYTE_ARRAY", "{\"type\": \"ENUM\"}")
        case .binary: return fields("BYTE_ARRAY", nil)
        case .fixedBinary(let length): return fields("FIXED_LEN_BYTE_ARRAY", nil, length: length)
        case .uuid: return fields("FIXED_LEN_BYTE_ARRAY", "{\"type\": \"UUID\"}", length: 16)
        case .date: return fields("INT32", "{\"type\": \"DATE\"}")
        case .time(let timeUnit, let utc):
            return fields(
                timeUnit == .millis ? "INT32" : "INT64",
                "{\"type\": \"TIME\", \"unit\": \"\(unit(timeUnit))\", \"is_adjusted_to_utc\": \(utc)}")
        case .timestamp(let timeUnit, let utc):
            return fields(
                "INT64", "{\"type\": \"TIMESTAMP\", \"unit\": \"\(unit(timeUnit))\", \"is_adjusted_to_utc\": \(utc)}")
        case .decimal(let precision, let scale, let storage):
            let logical = "{\"type\": \"DECIMAL\", \"precision\": \(precision), \"scale\": \(scale)}"
            switch storage {
            case .int32: return fields("INT32", logical)
            case .int64: return fields("INT64", logical)
            case .fixedLength(let length): return fields("FIXED_LEN_BYTE_ARRAY", logical, length: length)
            case .automatic:
                if precision <= 9 { return fields("INT32", logical) }
                if precision <= 18 { return fields("INT64", logical) }
                var length = 1
                while Int((Double(8 * length - 1) * 0.30102999566398120).rounded(.down)) < precision { length += 1 }
                return fields("FIXED_LEN_BYTE_ARRAY", logical, length: length)
            }
        case .list:
            preconditionFailure("typeFields describes the leaf type of a list")
        }
    }
}
