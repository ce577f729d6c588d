"""Write sample Parquet files with pyarrow, each with its expectation JSON.

Usage: make_sample_files.py DIR

The files exercise every physical/logical type the interop checker knows, as
both REQUIRED and OPTIONAL columns, with nulls, NaN, signed zeros, integer
extremes, empty and multi-byte strings, and as LIST columns (lists of every
type, REQUIRED and OPTIONAL lists and elements, lists of lists) with null
lists, empty lists and null elements, dictionary-encoded and PLAIN.  Running ``check_interop.py DIR`` on
the output must pass; that proves the checker before any Swift-written file
exists.

pyarrow never writes some annotations (ENUM, an explicit INTEGER(32/64,
signed), DECIMAL on BYTE_ARRAY), and writes TIME with isAdjustedToUTC=true
only file-wide (write_time_adjusted_to_utc).  For those the column is written
with pyarrow using the same physical encoding and then its schema element in
the footer is relabelled (see parquet_footer.py); for TIME the result is the
same schema element pyarrow writes with write_time_adjusted_to_utc=True.
In a LIST column the leaf element is relabelled.
"""

import base64
import decimal
import json
import math
import os
import sys
import uuid
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

import parquet_footer as pf
from spec import float_value, logical_kind, json_float


@dataclass
class Case:
    """One column type to write, described in the expectation-JSON vocabulary.

    ``values`` are non-null values in the JSON representation; ``groups``,
    when set, gives a separate value list for each row group instead.  When
    ``relabel`` is set, pyarrow writes the column as ``arrow_type`` and the
    footer annotation is then replaced by ``relabel`` (keyword arguments for
    ``parquet_footer.set_annotation``).  ``statistics`` is False when the
    statistics pyarrow computes for ``arrow_type`` would not be valid for the
    relabelled type.
    """

    name: str
    arrow_type: pa.DataType
    physical_type: str
    logical_type: dict | None
    values: list
    type_length: int | None = None
    relabel: dict | None = None
    statistics: bool = True
    groups: list | None = None


def integer(bits, signed):
    """Return an INTEGER logical type declaration."""
    return {"type": "INTEGER", "bit_width": bits, "is_signed": signed}


def temporal(kind, unit, utc):
    """Return a TIME or TIMESTAMP logical type declaration."""
    return {"type": kind, "unit": unit, "is_adjusted_to_utc": utc}


def decimal_type(precision, scale):
    """Return a DECIMAL logical type declaration."""
    return {"type": "DECIMAL", "precision": precision, "scale": scale}


def b64(raw):
    """Base64 text of ``raw`` bytes."""
    return base64.b64encode(raw).decode("ascii")


def integer_cases():
    """Cases for INT32/INT64 with and without INTEGER annotations."""
    def ints(lo, hi):
        return [lo, hi, 0, 1, lo + 1, hi - 1, hi // 2, lo // 3, 42, hi // 7]

    cases = []
    for bits, arrow in ((8, pa.int8()), (16, pa.int16())):
        lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
        cases.append(Case(f"int{bits}", arrow, "INT32", integer(bits, True), ints(lo, hi)))
    for bits, arrow, physical in ((8, pa.uint8(), "INT32"), (16, pa.uint16(), "INT32"),
                                  (32, pa.uint32(), "INT32"), (64, pa.uint64(), "INT64")):
        hi = (1 << bits) - 1
        cases.append(Case(f"uint{bits}", arrow, physical, integer(bits, False),
                          [0, hi, 1, hi - 1, hi >> 1, (hi >> 1) + 1, 7, 100, hi // 3, 2]))
    for bits, arrow, physical in ((32, pa.int32(), "INT32"), (64, pa.int64(), "INT64")):
        lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
        cases.append(Case(f"int{bits}_plain", arrow, physical, None, ints(lo, hi)))
        cases.append(Case(f"int{bits}_annotated", arrow, physical, integer(bits, True), ints(lo, hi),
                          relabel={"logical": pf.logical_type("INTEGER", bit_width=bits, is_signed=True),
                                   "converted": f"INT_{bits}"}))
    return cases


def float_cases():
    """Cases for FLOAT, DOUBLE and FLOAT16 with NaN, infinities and signed zeros."""
    specials = [-0.0, 0.0, "NaN", "Infinity", "-Infinity", 1.5]
    return [
        Case("float", pa.float32(), "FLOAT", None, specials + [
            3.4028234663852886e+38, 1.401298464324817e-45, -1.1754943508222875e-38, 0.10000000149011612]),
        Case("double", pa.float64(), "DOUBLE", None, specials + [
            1.7976931348623157e+308, 5e-324, -0.1, 9007199254740993.0]),
        Case("float16", pa.float16(), "FIXED_LEN_BYTE_ARRAY", {"type": "FLOAT16"}, specials + [
            65504.0, 5.960464477539063e-08, -6.103515625e-05, 0.0999755859375], type_length=2),
    ]


def text_and_binary_cases():
    """Cases for STRING, ENUM, JSON, UUID and un-annotated byte arrays."""
    strings = ["", "a", "héllo", "日本語", "emoji 🎉", "x" * 40, " padded ", "tab\tnew\nline",
               'quote "q"', "zzz"]
    enums = ["RED", "GREEN", "BLUE", "", "ÉTÉ", "RED", "GREEN", "violet", "BLUE", "RED"]
    json_texts = ['{"a":1}', '[1,2.5,"x"]', '"é"', "{}", "[]", "0", "true",
                  '{"nested":{"k":[null]}}', "-1.5", '"plain"']
    uuids = ["00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
             "123e4567-e89b-12d3-a456-426614174000", "00000000-0000-0000-0000-000000000100",
             "80000000-0000-4000-8000-000000000000", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
             "00112233-4455-6677-8899-aabbccddeeff", "7fffffff-ffff-ffff-ffff-fffffffffffe",
             "deadbeef-0000-0000-0000-000000000000", "01234567-89ab-cdef-0123-456789abcdef"]
    binaries = [b"", b"\x00", b"\xff\xfe", b"abc", b"\x00\x00x\x00", b"\x80", b"tail\x00\x00",
                bytes(range(16)), b"\xff" * 3, b"z"]
    fixed = [b"\x00\x00\x00\x00", b"\xff\xff\xff\xff", b"abcd", b"ab\x00\x00", b"\x00abc",
             b"\x80\x00\x00\x01", b"\x7f\xff\xff\xff", b"zzzz", b"\x00\x00\x00\x01", b"a\x00b\x00"]
    return [
        Case("string", pa.string(), "BYTE_ARRAY", {"type": "STRING"}, strings),
        Case("enum", pa.string(), "BYTE_ARRAY", {"type": "ENUM"}, enums,
             relabel={"logical": pf.logical_type("ENUM"), "converted": "ENUM"}),
        Case("json", pa.json_(), "BYTE_ARRAY", {"type": "JSON"}, json_texts),
        Case("uuid", pa.uuid(), "FIXED_LEN_BYTE_ARRAY", {"type": "UUID"}, uuids, type_length=16),
        Case("binary", pa.binary(), "BYTE_ARRAY", None, [b64(v) for v in binaries]),
        Case("fixed4", pa.binary(4), "FIXED_LEN_BYTE_ARRAY", None, [b64(v) for v in fixed],
             type_length=4),
    ]


def temporal_cases():
    """Cases for DATE, TIME and TIMESTAMP in every unit, UTC-adjusted or not."""
    day_ms = 86_400_000
    cases = [Case("date", pa.date32(), "INT32", {"type": "DATE"},
                  [0, -1, 1, 11016, -25567, 47482, 19000, -719162, 2932896, 20000])]
    time_values = {
        "MILLIS": [0, day_ms - 1, 1, day_ms // 2, 999, 1000, 3_600_000, 12_345_678, 7, 86_000_000],
        "MICROS": [0, day_ms * 1000 - 1, 1, 999, 1_000_001, 43_200_000_000, 5, 999_999,
                   86_399_000_000, 12_345_678_901],
        "NANOS": [0, day_ms * 1_000_000 - 1, 1, 999, 1001, 1_000_000_001, 43_200_000_000_123,
                  999_999_999, 5, 86_399_999_999_000],
    }
    time_types = {"MILLIS": pa.time32("ms"), "MICROS": pa.time64("us"), "NANOS": pa.time64("ns")}
    converted_time = {"MILLIS": "TIME_MILLIS", "MICROS": "TIME_MICROS", "NANOS": None}
    for unit, arrow in time_types.items():
        short = arrow.unit
        cases.append(Case(f"time_{short}_local", arrow, arrow_physical(arrow),
                          temporal("TIME", unit, False), time_values[unit]))
        cases.append(Case(f"time_{short}_utc", arrow, arrow_physical(arrow),
                          temporal("TIME", unit, True), time_values[unit],
                          relabel={"logical": pf.logical_type("TIME", unit=unit, is_adjusted_to_utc=True),
                                   "converted": converted_time[unit]}))
    year1_s, year9999_s = -62_135_596_800, 253_402_300_799
    stamp_values = {
        "MILLIS": [0, -1, 1, year1_s * 1000, year9999_s * 1000 + 999, 1_700_000_000_123,
                   -2_208_988_800_000, 951_782_400_000, 86_400_000, 123],
        "MICROS": [0, -1, 1, year1_s * 10**6, year9999_s * 10**6 + 999_999,
                   1_700_000_000_123_456, -2_208_988_800_000_001, 951_782_400_000_000, 7, 999_999],
        "NANOS": [0, -1, 1, -(1 << 62), 1 << 62, 1_700_000_000_123_456_789,
                  -2_208_988_800_000_000_001, 951_782_400_000_000_000, 999, 1001],
    }
    for unit, short in (("MILLIS", "ms"), ("MICROS", "us"), ("NANOS", "ns")):
        for utc in (False, True):
            arrow = pa.timestamp(short, "UTC" if utc else None)
            suffix = "utc" if utc else "local"
            cases.append(Case(f"ts_{short}_{suffix}", arrow, "INT64",
                              temporal("TIMESTAMP", unit, utc), stamp_values[unit]))
    return cases


def decimal_cases():
    """Cases for DECIMAL on INT32, INT64, FIXED_LEN_BYTE_ARRAY and BYTE_ARRAY."""
    def extremes(precision, scale):
        digits = "9" * (precision - scale)
        frac = "9" * scale
        top = f"{digits}.{frac}" if scale else digits
        zero = "0." + "0" * scale if scale else "0"
        tiny = "0." + "0" * (scale - 1) + "1" if scale else "1"
        return [zero, top, "-" + top, tiny, "-" + tiny]

    return [
        Case("dec_i32", pa.decimal128(9, 2), "INT32", decimal_type(9, 2),
             extremes(9, 2) + ["1.00", "-1234567.89", "0.10", "12.34", "-0.50"]),
        Case("dec_i64", pa.decimal128(18, 4), "INT64", decimal_type(18, 4),
             extremes(18, 4) + ["1.0000", "-1234567890.1234", "0.1000", "3.1416", "-2.5000"]),
        Case("dec_flba", pa.decimal128(30, 5), "FIXED_LEN_BYTE_ARRAY", decimal_type(30, 5),
             extremes(30, 5) + ["1.00000", "-12345678901234567890.12345", "0.10000",
                                "128.00000", "-128.00000"], type_length=13),
        Case("dec_wide", pa.decimal256(50, 10), "FIXED_LEN_BYTE_ARRAY", decimal_type(50, 10),
             extremes(50, 10) + ["1.0000000000", "-1234567890123456789012345.0123456789",
                                 "0.1000000000", "3.1415926536", "-0.0000000256"], type_length=21),
        Case("dec_ba", pa.binary(), "BYTE_ARRAY", decimal_type(20, 3),
             extremes(20, 3) + ["128.000", "-128.000", "0.127", "-0.128", "1.000"],
             relabel={"logical": pf.logical_type("DECIMAL", precision=20, scale=3),
                      "converted": "DECIMAL", "precision": 20, "scale": 3},
             statistics=False),
    ]


def all_cases():
    """Every column type the sample files cover."""
    return ([Case("bool", pa.bool_(), "BOOLEAN", None,
                  [True, False, False, True, True, False, True, False, False, False])]
            + integer_cases() + float_cases() + text_and_binary_cases()
            + temporal_cases() + decimal_cases())


def arrow_physical(arrow_type):
    """Parquet physical type pyarrow uses for a time type."""
    return "INT32" if arrow_type == pa.time32("ms") else "INT64"


def to_arrow(case, values):
    """Build a pyarrow array for ``case`` from JSON-representation values."""
    kind = logical_kind(case.logical_type)
    if case.physical_type in ("FLOAT", "DOUBLE") or kind == "FLOAT16":
        floats = [None if v is None else float_value(v) for v in values]
        if kind == "FLOAT16":
            mask = np.array([v is None for v in floats])
            halves = np.array([0.0 if v is None else v for v in floats], dtype=np.float16)
            return pa.array(halves, type=pa.float16(), mask=mask)
        return pa.array(floats, type=case.arrow_type)
    if kind == "DECIMAL" and pa.types.is_binary(case.arrow_type):
        return pa.array([None if v is None else unscaled_bytes(v) for v in values], pa.binary())
    if kind == "DECIMAL":
        return pa.array([None if v is None else decimal.Decimal(v) for v in values], case.arrow_type)
    if kind == "UUID":
        storage = pa.array([None if v is None else uuid.UUID(v).bytes for v in values], pa.binary(16))
        return pa.ExtensionArray.from_storage(pa.uuid(), storage)
    if kind == "JSON":
        return pa.ExtensionArray.from_storage(pa.json_(), pa.array(values, pa.string()))
    if kind is None and case.physical_type in ("BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"):
        return pa.array([None if v is None else base64.b64decode(v) for v in values], case.arrow_type)
    if kind in ("DATE", "TIME", "TIMESTAMP"):
        storage = pa.int32() if case.physical_type == "INT32" else pa.int64()
        return pa.array(values, storage).cast(case.arrow_type)
    return pa.array(values, case.arrow_type)


def unscaled_bytes(text):
    """Minimal big-endian two's-complement bytes of a decimal string's unscaled value."""
    unscaled = int(text.replace(".", ""))
    length = max(1, (unscaled.bit_length() + 8) // 8)
    return unscaled.to_bytes(length, "big", signed=True)


def column_values(case, required, num_rows, group_size):
    """Values of the REQUIRED or OPTIONAL variant of ``case``.

    Each row group cycles through its value list.  In the OPTIONAL variant
    every fourth row from row 2 is null, and when there are several row
    groups the last one is entirely null.
    """
    values = []
    for index, start in enumerate(range(0, num_rows, group_size)):
        group = case.groups[index] if case.groups else case.values
        values += [group[i % len(group)] for i in range(min(group_size, num_rows - start))]
    if not required:
        last_group_start = (num_rows - 1) // group_size * group_size if num_rows > group_size else num_rows
        values = [None if i % 4 == 2 or i >= last_group_start else v for i, v in enumerate(values)]
    return values


def sort_key(column, value):
    """Key ordering values the way Parquet statistics order them for ``column``."""
    kind = logical_kind(column["logical_type"])
    if kind == "DECIMAL":
        return decimal.Decimal(value)
    if kind in ("STRING", "ENUM", "JSON"):
        return value.encode("utf-8")
    if kind == "UUID":
        return uuid.UUID(value).bytes
    if kind is None and column["physical_type"] in ("BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"):
        return base64.b64decode(value)
    if is_float_column(column):
        return float_value(value)
    return value


def is_float_column(column):
    """True for FLOAT, DOUBLE and FLOAT16 columns."""
    return (column["physical_type"] in ("FLOAT", "DOUBLE")
            or logical_kind(column["logical_type"]) == "FLOAT16")


def expected_statistics(column, values):
    """Statistics a spec-conforming writer records for ``values`` of one row group.

    NaN is ignored for min/max; a zero minimum is recorded as -0.0 and a zero
    maximum as +0.0; with no eligible value min and max are null.
    """
    present = [v for v in values if v is not None]
    if is_float_column(column):
        present = [v for v in present if not math.isnan(float_value(v))]
    stats = {"null_count": len(values) - sum(v is not None for v in values), "min": None, "max": None}
    if present:
        low = min(present, key=lambda v: sort_key(column, v))
        high = max(present, key=lambda v: sort_key(column, v))
        if is_float_column(column):
            low = json_float(-0.0 if float_value(low) == 0 else float_value(low))
            high = json_float(0.0 if float_value(high) == 0 else float_value(high))
        stats["min"], stats["max"] = low, high
    return stats


def build_file(directory, name, cases, num_rows, row_group_size=None, **write_options):
    """Write ``name``.parquet with REQUIRED and OPTIONAL columns for ``cases`` and its JSON."""
    columns, arrays, fields, relabels, stats_columns = [], [], [], {}, []
    group_size = row_group_size or max(num_rows, 1)
    for case in cases:
        for required in (True, False):
            col_name = f"{case.name}_{'req' if required else 'opt'}"
            values = column_values(case, required, num_rows, group_size)
            arrays.append(to_arrow(case, values))
            fields.append(pa.field(col_name, arrays[-1].type, nullable=not required))
            column = {"name": col_name, "physical_type": case.physical_type,
                      "type_length": case.type_length,
                      "repetition": "REQUIRED" if required else "OPTIONAL",
                      "logical_type": case.logical_type, "values": values}
            if case.relabel:
                relabels[col_name] = case.relabel
            if case.statistics:
                stats_columns.append(col_name)
            columns.append(column)
    table = pa.Table.from_arrays(arrays, schema=pa.schema(fields))
    path = os.path.join(directory, f"{name}.parquet")
    pq.write_table(table, path, store_schema=False, store_decimal_as_integer=True,
                   row_group_size=group_size, write_statistics=stats_columns, **write_options)
    if relabels:
        pf.relabel_columns(path, relabels)
    metadata = pq.ParquetFile(path).metadata
    row_groups = metadata.num_row_groups
    starts = np.cumsum([0] + [metadata.row_group(i).num_rows for i in range(row_groups)])
    bounds = list(zip(starts[:-1].tolist(), starts[1:].tolist()))
    # pyarrow writes no statistics for an empty row group; declare none then.
    declare_statistics = all(b > a for a, b in bounds)
    for column in columns:
        if declare_statistics and column["name"] in stats_columns:
            column["statistics"] = [expected_statistics(column, column["values"][a:b]) for a, b in bounds]
    spec = {"num_rows": num_rows, "row_groups": row_groups, "columns": columns}
    with open(os.path.join(directory, f"{name}.json"), "w", encoding="utf-8") as f:
        json.dump(spec, f, indent=1, ensure_ascii=False, allow_nan=False)
    return path


def list_rows(case, num_rows, levels, list_required=False, seed=0):
    """Rows of a LIST column of ``case``'s values; ``levels`` are the element repetitions.

    Lists are null every seventh row (unless ``list_required``) and hold
    0 to 3 elements; OPTIONAL elements are null every fifth position.
    Leaves cycle through the case's values.
    """
    leaf = iter(case.values * (num_rows * 4 ** len(levels)))

    def make(position, depth, required):
        if not required and position % 7 == 3:
            return None
        if depth == len(levels):
            return next(leaf)
        element_required = levels[depth] == "REQUIRED"
        return [make(position + 2 * index + 1, depth + 1, element_required)
                for index in range((position + seed) % 4)]

    return [make(row, 0, list_required) for row in range(num_rows)]


def leaf_slots(value, depth):
    """Leaf slots of a value in its column chunk: null, empty and non-empty lists alike.

    A null or empty list occupies one slot without a value, which is what
    Parquet null counts of list columns count.
    """
    if depth == 0:
        return [value]
    if not value:
        return [None]
    return [slot for element in value for slot in leaf_slots(element, depth - 1)]


def to_arrow_list(case, rows, levels):
    """pyarrow array of nested lists whose leaves are JSON values of ``case``."""
    if not levels:
        return to_arrow(case, rows)
    offsets, elements = [0], []
    for row in rows:
        elements += row or []
        offsets.append(len(elements))
    inner = to_arrow_list(case, elements, levels[1:])
    element = pa.field("element", inner.type, nullable=levels[0] == "OPTIONAL")
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), inner, type=pa.list_(element),
                                    mask=pa.array([row is None for row in rows]))


def list_columns():
    """(name, case, list_levels, list_required, seed) of every LIST sample column."""
    cases = {case.name: case for case in all_cases()}
    columns = [(f"l_{name}", case, ["OPTIONAL"], False, 0) for name, case in cases.items()]
    return columns + [
        ("l_req_int16", cases["int16"], ["REQUIRED"], False, 1),
        ("req_l_string", cases["string"], ["OPTIONAL"], True, 2),
        ("req_l_req_double", cases["double"], ["REQUIRED"], True, 3),
        ("ll_int64", cases["int64_plain"], ["OPTIONAL", "OPTIONAL"], False, 0),
        ("req_ll_req_int32", cases["int32_plain"], ["REQUIRED", "REQUIRED"], True, 1),
    ]


def build_list_file(directory, name, num_rows, row_group_size, **write_options):
    """Write ``name``.parquet holding every LIST sample column, and its JSON."""
    columns, fields, arrays, relabels, stats_paths = [], [], [], {}, []
    for col_name, case, levels, list_required, seed in list_columns():
        rows = list_rows(case, num_rows, levels, list_required, seed)
        arrays.append(to_arrow_list(case, rows, levels))
        fields.append(pa.field(col_name, arrays[-1].type, nullable=not list_required))
        columns.append({"name": col_name, "physical_type": case.physical_type,
                        "type_length": case.type_length,
                        "repetition": "REQUIRED" if list_required else "OPTIONAL",
                        "logical_type": case.logical_type, "list_levels": levels, "values": rows})
        if case.relabel:
            relabels[col_name] = case.relabel
        if case.statistics:
            stats_paths.append(".".join([col_name] + ["list", "element"] * len(levels)))
    table = pa.Table.from_arrays(arrays, schema=pa.schema(fields))
    path = os.path.join(directory, f"{name}.parquet")
    pq.write_table(table, path, store_schema=False, store_decimal_as_integer=True,
                   row_group_size=row_group_size, write_statistics=stats_paths, **write_options)
    if relabels:
        pf.relabel_columns(path, relabels)
    for column in columns:
        if column["name"] + ".list.element" in stats_paths or \
                column["name"] + ".list.element.list.element" in stats_paths:
            column["statistics"] = [
                expected_statistics(column, [slot for row in column["values"][start:start + row_group_size]
                                             for slot in leaf_slots(row, len(column["list_levels"]))])
                for start in range(0, num_rows, row_group_size)]
    spec = {"num_rows": num_rows, "row_groups": -(-num_rows // row_group_size), "columns": columns}
    with open(os.path.join(directory, f"{name}.json"), "w", encoding="utf-8") as f:
        json.dump(spec, f, indent=1, ensure_ascii=False, allow_nan=False)


def row_group_cases():
    """Cases whose per-row-group statistics hit the edge rules.

    Row group 1 holds only zeros of both signs (min must be -0.0, max +0.0);
    row group 2 of the float columns holds only NaN (no min/max).
    """
    return [
        Case("zeros_and_nan", pa.float64(), "DOUBLE", None, [],
             groups=[[1.5, "NaN", -2.0, 0.0, "-Infinity"], [0.0, -0.0], ["NaN"]]),
        Case("small_float", pa.float32(), "FLOAT", None, [],
             groups=[[2.5, -0.0, -7.25, "Infinity"], [-0.0, 0.0, -0.0], ["NaN"]]),
        Case("label", pa.string(), "BYTE_ARRAY", {"type": "STRING"}, ["b", "", "ä", "a", "bb"]),
        Case("stamp", pa.timestamp("us", "UTC"), "INT64", temporal("TIMESTAMP", "MICROS", True),
             [1, -1, 0, 1_700_000_000_000_000, -5]),
        Case("count", pa.int64(), "INT64", None, [],
             groups=[[5, -3, 0], [2**62, -(2**62)], [-(2**63), 2**63 - 1]]),
    ]


def build_all_null_file(directory, num_rows=10):
    """Write all_null.parquet: OPTIONAL columns holding only nulls, dictionary-encoded, uncompressed."""
    declarations = [("nothing_double", pa.float64(), "DOUBLE", None),
                    ("nothing_string", pa.string(), "BYTE_ARRAY", {"type": "STRING"})]
    table = pa.table({name: pa.nulls(num_rows, arrow_type) for name, arrow_type, _, _ in declarations})
    pq.write_table(table, os.path.join(directory, "all_null.parquet"), store_schema=False,
                   compression="none", use_dictionary=True)
    columns = [{"name": name, "physical_type": physical, "type_length": None, "repetition": "OPTIONAL",
                "logical_type": logical, "values": [None] * num_rows,
                "statistics": [{"null_count": num_rows, "min": None, "max": None}]}
               for name, _, physical, logical in declarations]
    with open(os.path.join(directory, "all_null.json"), "w", encoding="utf-8") as f:
        json.dump({"num_rows": num_rows, "row_groups": 1, "columns": columns}, f, indent=1)


def main(argv):
    """Write all sample files into the directory named by ``argv[1]``."""
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    directory = argv[1]
    os.makedirs(directory, exist_ok=True)
    build_file(directory, "all_types", all_cases(), num_rows=12)
    build_file(directory, "row_groups", row_group_cases(), num_rows=2500, row_group_size=1000,
               use_dictionary=False, compression="zstd", data_page_version="2.0")
    build_file(directory, "empty", [all_cases()[0], row_group_cases()[2]], num_rows=0)
    build_all_null_file(directory)
    build_list_file(directory, "lists", num_rows=30, row_group_size=12)
    build_list_file(directory, "lists_plain", num_rows=30, row_group_size=30, use_dictionary=False,
                    compression="zstd")
    print(f"wrote sample files into {directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
