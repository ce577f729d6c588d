import ParquetFormat

/// Translation of the schema model into parquet.thrift SchemaElements: the root
/// group named "schema", then each column depth-first. A list column is the
/// standard three-level group `name (LIST) { repeated group list { element } }`.
enum SchemaConversion {
    static func schemaElements(for schema: Schema) -> [SchemaElement] {
        var elements = [
            SchemaElement(repetitionType: .required, name: "schema", numChildren: Int32(schema.descriptors.count))
        ]
        for descriptor in schema.descriptors {
            appendElements(
                name: descriptor.name, type: descriptor.column.type, repetition: descriptor.column.repetition,
                descriptor: descriptor, to: &elements)
        }
        return elements
    }

    private static func appendElements(
        name: String, type: ColumnType, repetition: Repetition, descriptor: ColumnDescriptor,
        to elements: inout [SchemaElement]
    ) {
        let repetitionType: FieldRepetitionType = repetition == .required ? .required : .optional
        guard case .list(let element, let elementRepetition) = type else {
            elements.append(leafElement(name: name, repetitionType: repetitionType, descriptor: descriptor))
            return
        }
        elements.append(
            SchemaElement(
                repetitionType: repetitionType, name: name, numChildren: 1, convertedType: .list, logicalType: .list))
        elements.append(SchemaElement(repetitionType: .repeated, name: "list", numChildren: 1))
        appendElements(
            name: "element", type: element, repetition: elementRepetition, descriptor: descriptor, to: &elements)
    }

    private static func leafElement(
        name: String, repetitionType: FieldRepetitionType, descriptor: ColumnDescriptor
    ) -> SchemaElement {
        let annotation = annotation(for: descriptor.leafType)
        var element = SchemaElement(
            type: descriptor.formatPhysicalType,
            typeLength: descriptor.physical == .fixedLenByteArray ? Int32(descriptor.typeLength) : nil,
            repetitionType: repetitionType,
            name: name,
            convertedType: annotation.converted,
            logicalType: annotation.logical)
        if case .decimal(let precision, let scale, _) = descriptor.leafType {
            element.precision = Int32(precision)
            element.scale = Int32(scale)
        }
        return element
    }

    /// The logical type and the legacy converted type that matches it, where one exists.
    static func annotation(for type: ColumnType) -> (logical: LogicalType?, converted: ConvertedType?) {
        switch type {
        case .boolean, .int32, .int64, .float, .double, .binary, .fixedBinary:
            return (nil, nil)
        case .int8: return (.integer(bitWidth: 8, isSigned: true), .int8)
        case .int16: return (.integer(bitWidth: 16, isSigned: true), .int16)
        case .uint8: return (.integer(bitWidth: 8, isSigned: false), .uint8)
        case .uint16: return (.integer(bitWidth: 16, isSigned: false), .uint16)
        case .uint32: return (.integer(bitWidth: 32, isSigned: false), .uint32)
        case .uint64: return (.integer(bitWidth: 64, isSigned: false), .uint64)
        case .float16: return (.float16, nil)
        case .string: return (.string, .utf8)
        case .json: return (.json, .json)
        case .enumeration: return (.enumeration, .enumeration)
        case .uuid: return (.uuid, nil)
        case .date: return (.date, .date)
        case .time(let unit, let adjustedToUTC):
            // The converted types only ever meant UTC-adjusted times.
            let converted: ConvertedType? =
                switch unit {
                case .millis where adjustedToUTC: .timeMillis
                case .micros where adjustedToUTC: .timeMicros
                default: nil
                }
            return (.time(isAdjustedToUTC: adjustedToUTC, unit: unit), converted)
        case .timestamp(let unit, let adjustedToUTC):
            let converted: ConvertedType? =
                switch unit {
                case .millis where adjustedToUTC: .timestampMillis
                case .micros where adjustedToUTC: .timestampMicros
                default: nil
                }
            return (.timestamp(isAdjustedToUTC: adjustedToUTC, unit: unit), converted)
        case .decimal(let precision, let scale, _):
            return (.decimal(scale: Int32(scale), precision: Int32(precision)), .decimal)
        case .list:
            return (.list, .list)
        }
    }
}

extension ColumnDescriptor {
    var formatPhysicalType: PhysicalType {
        switch physical {
        case .boolean: .boolean
        case .int32: .int32
        case .int64: .int64
        case .float: .float
        case .double: .double
        case .byteArray: .byteArray
        case .fixedLenByteArray: .fixedLenByteArray
        }
    }
}

extension Statistics {
    init(_ encoded: EncodedStatistics) {
        self.init(
            nullCount: encoded.nullCount,
            maxValue: encoded.max,
            minValue: encoded.min,
            isMaxValueExact: encoded.isMaxExact,
            isMinValueExact: encoded.isMinExact,
            nanCount: encoded.nanCount)
    }
}
