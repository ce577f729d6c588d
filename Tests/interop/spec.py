"""The expectation JSON written beside each Parquet file, and value comparison.

A ``NAME.json`` file describes exactly what ``NAME.parquet`` holds (see
Tests/interop/README.md for the format).  This module loads it, turns its
values into canonical Python values, and compares canonical values:

* null -> None; BOOLEAN -> bool; integer-like types -> int;
* FLOAT, DOUBLE, FLOAT16 -> float (the JSON strings "NaN", "Infinity" and
  "-Infinity" become the matching float);
* everything else (decimals, strings, base64 binary, UUID text) -> str.

A LIST column (one with ``list_levels``) holds, per row, None for a null
list or a Python list per nesting level whose leaves follow the rules above.

Floats compare bit-exactly, so -0.0 differs from 0.0, while any NaN equals
any NaN.  Other values compare by type and value, so ``1`` never equals
``True`` or ``1.0``.
"""

import json
import math
import struct
from dataclasses import dataclass

REPETITIONS = ("REQUIRED", "OPTIONAL")
PHYSICAL_TYPES = ("BOOLEAN", "INT32", "INT64", "FLOAT", "DOUBLE", "BYTE_ARRAY",
                  "FIXED_LEN_BYTE_ARRAY")
LOGICAL_KINDS = ("STRING", "INTEGER", "DATE", "TIME", "TIMESTAMP", "DECIMAL", "UUID",
                 "FLOAT16", "JSON", "ENUM")
TIME_UNITS = ("MILLIS", "MICROS", "NANOS")
# Widest decimal precision that fits a 128-bit integer.
DECIMAL128_MAX_PRECISION = 38

_FLOAT_NAMES = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


class SpecError(ValueError):
    """Raised when an expectation JSON file is malformed."""


@dataclass(frozen=True)
class ColumnSpec:
    """One column as declared in the expectation JSON (values already canonical).

    The type fields describe the leaf values; ``repetition`` is the column's
    own (for a LIST column, the outer list's); ``list_levels`` is empty for a
    flat column, else the element repetition of each list level, outermost
    first.
    """

    name: str
    physical_type: str
    type_length: int | None
    repetition: str
    logical_type: dict | None
    values: list
    statistics: list | None
    list_levels: tuple = ()
    # Encodings and page types of the column's data pages, and the encodings of those
    # of its data pages that hold no value (only nulls, null or empty lists), from the
    # file's page headers (filled in by the checker, not declared in the JSON).
    data_encodings: frozenset = frozenset()
    data_page_types: frozenset = frozenset()
    valueless_page_encodings: frozenset = frozenset()

    @property
    def kind(self):
        """The logical type name, or None for a plain physical type."""
        return logical_kind(self.logical_type)

    @property
    def is_float(self):
        """True when values are floating point (FLOAT, DOUBLE or FLOAT16)."""
        return self.physical_type in ("FLOAT", "DOUBLE") or self.kind == "FLOAT16"

    @property
    def is_optional(self):
        """True for an OPTIONAL column."""
        return self.repetition == "OPTIONAL"

    @property
    def is_list(self):
        """True for a LIST column."""
        return bool(self.list_levels)


@dataclass(frozen=True)
class FileSpec:
    """A whole expectation JSON file."""

    num_rows: int
    row_groups: int | None
    columns: list
    # True: every column chunk has a ColumnIndex and an OffsetIndex; False: none has; None: not checked.
    page_index: bool | None = None
    bloom_filters: "BloomFilterSpec | None" = None


@dataclass(frozen=True)
class BloomFilterSpec:
    """Bloom filter expectations: every row's value probes present in its row
    group (rows grouped ``row_group_rows`` at a time), and each column of
    ``absent`` (name -> canonical values it never holds) probes present at about
    ``false_positive_probability`` at most."""

    row_group_rows: int
    false_positive_probability: float
    absent: dict


def logical_kind(logical_type):
    """The ``type`` of a logical type declaration, or None when absent."""
    return None if logical_type is None else logical_type["type"]


def float_value(value):
    """Float for a JSON float representation (a number or NaN/Infinity name)."""
    if isinstance(value, str):
        if value not in _FLOAT_NAMES:
            raise SpecError(f"not a float representation: {value!r}")
        return _FLOAT_NAMES[value]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SpecError(f"not a float representation: {value!r}")
    return float(value)


def json_float(value):
    """JSON representation of a float: the number, or "NaN"/"Infinity"/"-Infinity"."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def type_key(column):
    """Key naming the column's declared type in the per-reader type tables.

    Plain physical types use their name; INTEGER uses INT8..INT64 or
    UINT8..UINT64 (so INTEGER(32, signed) shares the key of plain INT32);
    TIME and TIMESTAMP append the unit and UTC/LOCAL; DECIMAL is split at the
    128-bit precision limit.
    """
    lt = column.logical_type
    kind = column.kind
    if kind is None:
        return column.physical_type
    if kind == "INTEGER":
        return f"{'INT' if lt['is_signed'] else 'UINT'}{lt['bit_width']}"
    if kind in ("TIME", "TIMESTAMP"):
        return f"{kind}_{lt['unit']}_{'UTC' if lt['is_adjusted_to_utc'] else 'LOCAL'}"
    if kind == "DECIMAL":
        return "DECIMAL" if lt["precision"] <= DECIMAL128_MAX_PRECISION else "DECIMAL_WIDE"
    return kind


def map_leaves(value, depth, function):
    """``value`` with every leaf replaced by ``function(leaf)``; null lists stay None."""
    if depth == 0:
        return function(value)
    if value is None:
        return None
    return [map_leaves(element, depth - 1, function) for element in value]


def level_slots(value, depth):
    """The leaf slots of one row ``depth`` lists deep, one per level in the column's
    pages: each element's, and one (None) for a null or empty list."""
    if depth == 0:
        return [value]
    if not value:
        return [None]
    return [slot for element in value for slot in level_slots(element, depth - 1)]


def canonical_expected(column, value):
    """Canonical Python value for one JSON value of ``column``."""
    if value is None:
        return None
    if column.is_float:
        return float_value(value)
    if column.physical_type == "BOOLEAN":
        if not isinstance(value, bool):
            raise SpecError(f"column {column.name}: expected a boolean, got {value!r}")
        return value
    if column.physical_type in ("INT32", "INT64") and column.kind != "DECIMAL":
        if isinstance(value, bool) or not isinstance(value, int):
            raise SpecError(f"column {column.name}: expected an integer, got {value!r}")
        return value
    if not isinstance(value, str):
        raise SpecError(f"column {column.name}: expected a string, got {value!r}")
    return value


def _canonical_statistics(column, stats):
    """Canonical form of one row group's expected statistics."""
    return {"null_count": stats.get("null_count"),
            "min": canonical_expected(column, stats.get("min")),
            "max": canonical_expected(column, stats.get("max"))}


def _canonical_cell(column, value, levels):
    """Canonical value of one row of ``column``, ``levels`` being the list levels left.

    A null where a REQUIRED list level or REQUIRED leaf allows none is a
    malformed declaration.
    """
    if not levels:
        return canonical_expected(column, value)
    if value is None:
        return None
    if not isinstance(value, list):
        raise SpecError(f"column {column.name}: expected a list, got {value!r}")
    element_required = levels[0] == "REQUIRED"
    if element_required and any(element is None for element in value):
        raise SpecError(f"column {column.name}: null element in a list of REQUIRED elements: {value!r}")
    return [_canonical_cell(column, element, levels[1:]) for element in value]


def _validate_declaration(raw):
    """Raise SpecError unless a column declaration names known types."""
    if raw.get("physical_type") not in PHYSICAL_TYPES:
        raise SpecError(f"column {raw.get('name')}: unknown physical_type {raw.get('physical_type')!r}")
    if raw.get("repetition") not in REPETITIONS:
        raise SpecError(f"column {raw.get('name')}: unknown repetition {raw.get('repetition')!r}")
    levels = raw.get("list_levels", [])
    if not isinstance(levels, list) or any(level not in REPETITIONS for level in levels):
        raise SpecError(f"column {raw.get('name')}: list_levels must be a list of REQUIRED/OPTIONAL")
    kind = logical_kind(raw.get("logical_type"))
    if kind is not None and kind not in LOGICAL_KINDS:
        raise SpecError(f"column {raw.get('name')}: unknown logical type {kind!r}")
    if kind in ("TIME", "TIMESTAMP") and raw["logical_type"].get("unit") not in TIME_UNITS:
        raise SpecError(f"column {raw.get('name')}: unknown time unit")


def parse_column(raw, num_rows):
    """Build a ColumnSpec from one JSON column object."""
    _validate_declaration(raw)
    levels = tuple(raw.get("list_levels", ()))
    column = ColumnSpec(raw["name"], raw["physical_type"], raw.get("type_length"),
                        raw["repetition"], raw.get("logical_type"), [], None, levels)
    if len(raw["values"]) != num_rows:
        raise SpecError(f"column {column.name}: {len(raw['values'])} values for {num_rows} rows")
    if column.repetition == "REQUIRED" and None in raw["values"]:
        raise SpecError(f"column {column.name}: null value in a REQUIRED column")
    values = [_canonical_cell(column, v, levels) for v in raw["values"]]
    stats = raw.get("statistics")
    if stats is not None:
        stats = [_canonical_statistics(column, s) for s in stats]
    return ColumnSpec(column.name, column.physical_type, column.type_length, column.repetition,
                      column.logical_type, values, stats, levels)


def load_spec(path):
    """Load and validate an expectation JSON file."""
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    num_rows = raw["num_rows"]
    columns = [parse_column(c, num_rows) for c in raw["columns"]]
    page_index = raw.get("page_index")
    if page_index not in (None, True, False):
        raise SpecError(f"page_index must be true or false, not {page_index!r}")
    bloom_filters = raw.get("bloom_filters")
    if bloom_filters is not None:
        by_name = {c.name: c for c in columns}
        unknown = set(bloom_filters["absent"]) - set(by_name)
        if unknown:
            raise SpecError(f"bloom_filters: unknown columns {sorted(unknown)}")
        bloom_filters = BloomFilterSpec(
            bloom_filters["row_group_rows"], bloom_filters["false_positive_probability"],
            {name: [canonical_expected(by_name[name], v) for v in values]
             for name, values in bloom_filters["absent"].items()})
    return FileSpec(num_rows, raw.get("row_groups"), columns, page_index, bloom_filters)


def _float_bits(value):
    """The IEEE-754 double bit pattern of ``value``."""
    return struct.pack("<d", value)


def same_value(expected, actual):
    """True when a canonical actual value equals the canonical expected value.

    ``expected`` may also be a matcher object with a ``matches`` method
    (used by reader limitations that can only approximate a value).
    """
    if hasattr(expected, "matches"):
        return expected.matches(actual)
    if expected is None or actual is None:
        return expected is None and actual is None
    if isinstance(expected, float):
        if not isinstance(actual, float):
            return False
        if math.isnan(expected) or math.isnan(actual):
            return math.isnan(expected) and math.isnan(actual)
        return _float_bits(expected) == _float_bits(actual)
    return type(expected) is type(actual) and expected == actual


def show(value):
    """Readable text for a canonical value in failure messages."""
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else json_float(value)
    return repr(value)
