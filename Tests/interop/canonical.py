"""Turn values produced by readers (or stored in Parquet statistics) into the
canonical representation defined in spec.py, without going through floats.

Also defines ``ReadResult`` and ``Issue``, the shapes reader modules return.
"""

import base64
import uuid
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

# Length of each time unit in nanoseconds.
NANOS_PER_UNIT = {"DAYS": 86_400 * 10**9, "SECONDS": 10**9, "MILLIS": 10**6,
                  "MICROS": 10**3, "NANOS": 1}
# Unit abbreviations used by pyarrow, numpy and polars.
UNIT_NAMES = {"D": "DAYS", "s": "SECONDS", "ms": "MILLIS", "us": "MICROS", "ns": "NANOS"}


@dataclass
class ReadResult:
    """What one reader returned for one file.

    ``names`` are the columns in file order, ``types`` maps a column name to
    the reader's type text, ``values`` maps a declared column name to its
    values in canonical form.
    """

    num_rows: int
    names: list
    types: dict
    values: dict


@dataclass
class Issue:
    """One disagreement between a declaration and what a reader found.

    ``column`` and ``row`` are None when the issue is not about one column
    or one row; ``what`` names the property compared.
    """

    column: str | None
    row: int | None
    what: str
    expected: object
    actual: object


def declared_unit(column):
    """Unit of the integer representation of a temporal column ("DAYS" for DATE)."""
    return "DAYS" if column.kind == "DATE" else column.logical_type["unit"]


def rescale(count, from_unit, to_unit):
    """Convert an integer count between time units exactly.

    Returns an int when the result is whole, else a Fraction (which never
    equals an expected integer, so a lossy value shows up as a mismatch).
    """
    value = Fraction(count * NANOS_PER_UNIT[from_unit], NANOS_PER_UNIT[to_unit])
    return int(value) if value.denominator == 1 else value


def decimal_text(unscaled, scale):
    """Text of ``unscaled * 10**-scale`` with exactly ``scale`` fractional digits."""
    sign = "-" if unscaled < 0 else ""
    digits = str(abs(unscaled)).rjust(scale + 1, "0")
    if scale == 0:
        return sign + digits
    return f"{sign}{digits[:-scale]}.{digits[-scale:]}"


def decimal_text_from_python(value, scale):
    """Exact text of a ``decimal.Decimal`` with ``scale`` fractional digits.

    Uses the Decimal's digit tuple, so no context rounding can occur.  A
    value that needs more than ``scale`` fractional digits keeps its own
    text, which then cannot match an expected value.
    """
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        return str(value)
    coefficient = int("".join(map(str, digits)) or "0")
    shift = exponent + scale
    if shift >= 0:
        unscaled = coefficient * 10**shift
    else:
        unscaled, remainder = divmod(coefficient, 10**-shift)
        if remainder:
            return format(value, "f")
    return decimal_text(-unscaled if sign else unscaled, scale)


def uuid_text(raw):
    """Canonical lowercase text of 16 UUID bytes."""
    if len(raw) != 16:
        return f"<{len(raw)} bytes, not a UUID: {raw.hex()}>"
    return str(uuid.UUID(bytes=raw))


def half_float(raw):
    """The float value of a 2-byte little-endian IEEE half-precision number."""
    if len(raw) != 2:
        return f"<{len(raw)} bytes, not a FLOAT16: {raw.hex()}>"
    return float(np.frombuffer(raw, dtype="<f2")[0])


def utf8_text(raw):
    """Decode UTF-8 strictly; invalid bytes give a marker that never matches."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return f"<invalid UTF-8: {raw.hex()}>"


def bytes_value(column, raw):
    """Canonical value of raw BYTE_ARRAY / FIXED_LEN_BYTE_ARRAY bytes of ``column``."""
    kind = column.kind
    if kind in ("STRING", "ENUM", "JSON"):
        return utf8_text(raw)
    if kind == "UUID":
        return uuid_text(raw)
    if kind == "FLOAT16":
        return half_float(raw)
    if kind == "DECIMAL":
        return decimal_text(int.from_bytes(raw, "big", signed=True), column.logical_type["scale"])
    return base64.b64encode(raw).decode("ascii")


def physical_value(column, raw):
    """Canonical value of a physical value as stored (e.g. a statistics min/max).

    INT32/INT64 arrive as signed integers, so unsigned columns are
    reinterpreted; decimals on INT32/INT64 hold the unscaled value.
    """
    if isinstance(raw, (bytes, bytearray)):
        return bytes_value(column, bytes(raw))
    if column.kind == "DECIMAL":
        return decimal_text(raw, column.logical_type["scale"])
    if column.kind == "INTEGER" and not column.logical_type["is_signed"]:
        bits = 32 if column.physical_type == "INT32" else 64
        return raw & ((1 << bits) - 1)
    if column.is_float:
        return float(raw)
    return raw
