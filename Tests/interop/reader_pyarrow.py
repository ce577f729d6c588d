"""Interop checks with pyarrow: types, values, row groups, statistics, footer schema."""

import json
import os

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import parquet_footer

from canonical import (UNIT_NAMES, Issue, ReadResult, bytes_value, decimal_text_from_python,
                       declared_unit, physical_value, rescale)
from spec import same_value, type_key

NAME = "pyarrow"

# Arrow type pyarrow 26.0.1 returns for each declared type (file written
# without an embedded Arrow schema), pinned by experiment.  REQUIRED columns
# additionally read as non-nullable fields (" not null").
TYPE_TABLE = {
    "BOOLEAN": "bool",
    "INT8": "int8",
    "INT16": "int16",
    "INT32": "int32",                    # plain INT32 and INTEGER(32, signed)
    "INT64": "int64",                    # plain INT64 and INTEGER(64, signed)
    "UINT8": "uint8",
    "UINT16": "uint16",
    "UINT32": "uint32",
    "UINT64": "uint64",
    "FLOAT": "float",
    "DOUBLE": "double",
    "FLOAT16": "halffloat",
    "BYTE_ARRAY": "binary",
    "FIXED_LEN_BYTE_ARRAY": "fixed_size_binary[{length}]",
    "STRING": "string",
    "ENUM": "binary",                    # see limitations.py
    "JSON": "extension<arrow.json>",
    "UUID": "extension<arrow.uuid>",
    "DATE": "date32[day]",
    "TIME_MILLIS_LOCAL": "time32[ms]",
    "TIME_MILLIS_UTC": "time32[ms]",
    "TIME_MICROS_LOCAL": "time64[us]",
    "TIME_MICROS_UTC": "time64[us]",
    "TIME_NANOS_LOCAL": "time64[ns]",
    "TIME_NANOS_UTC": "time64[ns]",
    "TIMESTAMP_MILLIS_LOCAL": "timestamp[ms]",
    "TIMESTAMP_MILLIS_UTC": "timestamp[ms, tz=UTC]",
    "TIMESTAMP_MICROS_LOCAL": "timestamp[us]",
    "TIMESTAMP_MICROS_UTC": "timestamp[us, tz=UTC]",
    "TIMESTAMP_NANOS_LOCAL": "timestamp[ns]",
    "TIMESTAMP_NANOS_UTC": "timestamp[ns, tz=UTC]",
    "DECIMAL": "decimal128({precision}, {scale})",
    "DECIMAL_WIDE": "decimal256({precision}, {scale})",
}
# Arrow type of one LIST level around its element's type text (which ends in
# " not null" for REQUIRED elements).
LIST_TEMPLATE = "list<element: {element}>"

# pyarrow's LogicalType.to_json() spelling of time units.
_ARROW_TIME_UNITS = {"MILLIS": "milliseconds", "MICROS": "microseconds", "NANOS": "nanoseconds"}


def expected_type(column):
    """Type text pyarrow should report for ``column``, or None if unpinned."""
    template = TYPE_TABLE.get(type_key(column))
    if template is None:
        return None
    lt = column.logical_type or {}
    text = template.format(length=column.type_length, precision=lt.get("precision"),
                           scale=lt.get("scale"))
    for element_repetition in reversed(column.list_levels):
        element = text if element_repetition == "OPTIONAL" else text + " not null"
        text = LIST_TEMPLATE.format(element=element)
    return text if column.is_optional else text + " not null"


def _type_text(field):
    """Type text of an Arrow field, marking non-nullable fields."""
    return str(field.type) + ("" if field.nullable else " not null")


def _temporal_values(column, counts, unit):
    """Canonical values of integer counts in ``unit`` for a declared column."""
    if column.kind not in ("DATE", "TIME", "TIMESTAMP"):
        return counts
    target = declared_unit(column)
    return [None if c is None else rescale(c, unit, target) for c in counts]


def _leaf_values(column, array):
    """Canonical values of a primitive Arrow array, without float or datetime conversions."""
    if isinstance(array.type, pa.BaseExtensionType):
        array = array.storage
    arrow_type = array.type
    if pa.types.is_date32(arrow_type):
        return _temporal_values(column, array.view(pa.int32()).to_pylist(), "DAYS")
    if pa.types.is_time(arrow_type) or pa.types.is_timestamp(arrow_type):
        storage = pa.int32() if pa.types.is_time32(arrow_type) else pa.int64()
        return _temporal_values(column, array.view(storage).to_pylist(), UNIT_NAMES[arrow_type.unit])
    if pa.types.is_decimal(arrow_type):
        return [None if v is None else decimal_text_from_python(v, arrow_type.scale)
                for v in array.to_pylist()]
    if pa.types.is_binary(arrow_type) or pa.types.is_fixed_size_binary(arrow_type) \
            or pa.types.is_large_binary(arrow_type):
        return [None if v is None else bytes_value(column, v) for v in array.to_pylist()]
    if pa.types.is_float16(arrow_type):
        return [None if v is None else float(v) for v in array.to_pylist()]
    return array.to_pylist()


def _array_values(column, array):
    """Canonical values of an Arrow array; list arrays become nested Python lists.

    The elements of all lists are converted in one go (``flatten`` respects
    slicing and skips what null lists hide), then cut back into lists by the
    list lengths (None for a null list).
    """
    if not (pa.types.is_list(array.type) or pa.types.is_large_list(array.type)):
        return _leaf_values(column, array)
    elements = _array_values(column, array.flatten())
    values, start = [], 0
    for length in pc.list_value_length(array).to_pylist():
        if length is None:
            values.append(None)
        else:
            values.append(elements[start:start + length])
            start += length
    return values


def canonical_values(column, chunked):
    """Canonical values of one pyarrow column."""
    return _array_values(column, chunked.combine_chunks())


def read(path, columns_by_name, skip):
    """Read ``path`` with pyarrow, leaving out the column names in ``skip``."""
    names = [n for n in pq.read_schema(path).names if n not in skip]
    table = pq.read_table(path, columns=names)
    values = {name: canonical_values(columns_by_name[name], table.column(name))
              for name in names if name in columns_by_name}
    types = {field.name: _type_text(field) for field in table.schema}
    return ReadResult(table.num_rows, names, types, values)


def expected_logical_json(column):
    """The LogicalType.to_json() object pyarrow should report for ``column``."""
    lt = column.logical_type
    kind = column.kind
    simple = {None: "None", "STRING": "String", "ENUM": "Enum", "JSON": "JSON",
              "UUID": "UUID", "FLOAT16": "Float16", "DATE": "Date"}
    if kind in simple:
        return {"Type": simple[kind]}
    if kind == "INTEGER":
        return {"Type": "Int", "bitWidth": lt["bit_width"], "isSigned": lt["is_signed"]}
    if kind == "DECIMAL":
        return {"Type": "Decimal", "precision": lt["precision"], "scale": lt["scale"]}
    result = {"Type": kind.capitalize(), "isAdjustedToUTC": lt["is_adjusted_to_utc"],
              "timeUnit": _ARROW_TIME_UNITS[lt["unit"]]}
    if kind == "TIMESTAMP":
        # pyarrow-internal flags; is_from_converted_type=false means the file
        # carries a real LogicalType rather than only a legacy ConvertedType.
        result.update(is_from_converted_type=False, force_set_converted_type=False)
    return result


def leaf_path(column):
    """Dotted path of the column's leaf: NAME, plus ".list.element" per list level."""
    return ".".join([column.name] + ["list", "element"] * len(column.list_levels))


def expected_schema_chain(column):
    """Structural fields of each schema element from the column down to its leaf.

    Each LIST level is the group ``name (LIST) { repeated group list { element } }``
    with both the LIST ConvertedType and the LIST logical type; the leaf's
    type annotation is checked separately.
    """
    chain, name, repetition = [], column.name, column.repetition
    for element_repetition in column.list_levels:
        chain.append({"name": name, "repetition": repetition, "is_group": True, "num_children": 1,
                      "converted_type": "LIST", "logical_type": "LIST"})
        chain.append({"name": "list", "repetition": "REPEATED", "is_group": True, "num_children": 1,
                      "converted_type": None, "logical_type": None})
        name, repetition = "element", element_repetition
    chain.append({"name": name, "repetition": repetition, "is_group": False})
    return chain


def _schema_chain_issues(column, footer):
    """Issues where the footer's schema elements for ``column`` differ in structure."""
    actual = [parquet_footer.describe_element(e)
              for e in parquet_footer.first_child_chain(footer, column.name)]
    issues, path = [], []
    for depth, wanted in enumerate(expected_schema_chain(column)):
        path.append(wanted["name"])
        where = f"footer schema element {'.'.join(path)}"
        if depth >= len(actual):
            return issues + [Issue(column.name, None, where, "present", "absent")]
        for key, value in wanted.items():
            if actual[depth][key] != value:
                issues.append(Issue(column.name, None, f"{where} {key}", value, actual[depth][key]))
    return issues


def _leaf_type_issues(column, descriptor):
    """Issues where the footer's leaf type disagrees with the declaration."""
    checks = [("footer physical_type", column.physical_type, descriptor.physical_type),
              ("footer logical_type", expected_logical_json(column),
               json.loads(descriptor.logical_type.to_json()))]
    if column.physical_type == "FIXED_LEN_BYTE_ARRAY":
        checks.append(("footer type_length", column.type_length, descriptor.length))
    return [Issue(column.name, None, what, exp, act) for what, exp, act in checks if exp != act]


def _min_max_issues(column, where, expected, stats):
    """Issues comparing expected min/max with one column chunk's statistics."""
    want = expected["min"] is not None or expected["max"] is not None
    if stats.has_min_max != want:
        return [Issue(column.name, None, f"{where} has_min_max", want, stats.has_min_max)]
    if not want:
        return []
    issues = []
    for bound, raw in (("min", stats.min_raw), ("max", stats.max_raw)):
        actual = physical_value(column, raw)
        if not same_value(expected[bound], actual):
            issues.append(Issue(column.name, None, f"{where} {bound}", expected[bound], actual))
    return issues


def _statistics_issues(column, metadata, column_index):
    """Issues comparing each row group's statistics with the declared ones."""
    if len(column.statistics) != metadata.num_row_groups:
        return [Issue(column.name, None, "statistics: number of row groups",
                      len(column.statistics), metadata.num_row_groups)]
    issues = []
    for group, expected in enumerate(column.statistics):
        where = f"row group {group} statistics"
        stats = metadata.row_group(group).column(column_index).statistics
        if stats is None:
            issues.append(Issue(column.name, None, where, "present", "absent"))
            continue
        actual_nulls = stats.null_count if stats.has_null_count else None
        if expected["null_count"] is not None and actual_nulls != expected["null_count"]:
            issues.append(Issue(column.name, None, f"{where} null_count",
                                expected["null_count"], actual_nulls))
        issues += _min_max_issues(column, where, expected, stats)
    return issues


def _page_checksum_issues(path):
    """For a file whose name says it carries page CRCs ("crc"), read every page with
    pyarrow's checksum verification, which fails on a page whose CRC does not match."""
    if "crc" not in os.path.basename(path):
        return []
    try:
        pq.read_table(path, page_checksum_verification=True)
    except Exception as error:  # pyarrow raises OSError; report whatever it raises
        return [Issue(None, None, "page checksums", "verified", f"{type(error).__name__}: {error}")]
    return []


def _page_index_issues(metadata, spec):
    """Whether every column chunk has (or has not) its ColumnIndex and OffsetIndex."""
    if spec.page_index is None:
        return []
    issues = []
    for group in range(metadata.num_row_groups):
        for index in range(metadata.num_columns):
            chunk = metadata.row_group(group).column(index)
            for name, present in (("column index", chunk.has_column_index),
                                  ("offset index", chunk.has_offset_index)):
                if present != spec.page_index:
                    issues.append(Issue(chunk.path_in_schema, None, f"row group {group} {name}",
                                        spec.page_index, present))
    return issues


def extra_checks(path, spec):
    """Footer checks only pyarrow makes: row counts, schema elements, statistics.

    The structure of each column's schema elements (the groups of a LIST
    column, which pyarrow's API does not expose) is read from the raw footer.
    """
    metadata = pq.ParquetFile(path).metadata
    footer = parquet_footer.read_footer(path)
    issues = []
    if metadata.num_rows != spec.num_rows:
        issues.append(Issue(None, None, "footer num_rows", spec.num_rows, metadata.num_rows))
    if spec.row_groups is not None and metadata.num_row_groups != spec.row_groups:
        issues.append(Issue(None, None, "number of row groups", spec.row_groups,
                            metadata.num_row_groups))
    top_level = set(metadata.schema.to_arrow_schema().names)
    index_by_path = {metadata.schema.column(i).path: i for i in range(metadata.num_columns)}
    issues += _page_checksum_issues(path)
    issues += _page_index_issues(metadata, spec)
    for column in spec.columns:
        if column.name not in top_level:
            continue  # the column-name check reports it
        issues += _schema_chain_issues(column, footer)
        index = index_by_path.get(leaf_path(column))
        if index is None:
            issues.append(Issue(column.name, None, "footer leaf column", leaf_path(column), "absent"))
            continue
        issues += _leaf_type_issues(column, metadata.schema.column(index))
        if column.statistics is not None:
            issues += _statistics_issues(column, metadata, index)
    return issues
