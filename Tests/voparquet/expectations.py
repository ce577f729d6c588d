"""What each serialization of the fixtures carries, and exact value comparison.

The expected JSON (written by make_votables.py) holds the values astropy was
given.  A serialization cannot always carry them; these rules say what it does
carry instead, so that the readers are checked against exactly that:

* TABLEDATA: an empty TD is null, so an empty string or an empty array written
  by astropy as an empty TD comes back null.
* BINARY (no null flags): astropy writes a masked cell as the type's null
  representation: NaN for float/double, NaN + 0i for complex, an empty string
  for char/unicodeChar and an empty array for variable arrays (both read as null,
  as an empty TD is), the VALUES null (or '?' for booleans, NaN for floating
  types) in every element of a fixed array. Integers with a VALUES null and
  booleans ('?') stay null; so does an empty string or array astropy was given.
* BINARY2: null flags carry every null.
"""

import math
import struct
from datetime import datetime, timezone

FLOAT_TYPES = ("float", "double", "floatComplex", "doubleComplex")


def is_variable(column):
    """Whether the column's cells carry their own length."""
    return column["arraysize"] is not None and column["arraysize"].endswith("*")


def is_list(column):
    """Whether the column becomes a Parquet LIST."""
    if column["datatype"] in ("char", "unicodeChar"):
        return False
    if column["datatype"] in ("floatComplex", "doubleComplex"):
        return True
    return column["arraysize"] not in (None, "1")


def element_count(column):
    """Elements of a fixed-size array cell (complex numbers count twice)."""
    count = 1
    for part in (column["arraysize"] or "1").split("x"):
        count *= int(part)
    return count * (2 if column["datatype"] in ("floatComplex", "doubleComplex") else 1)


def masked_in_binary(column):
    """What astropy writes in BINARY for a masked cell, as the reader sees it."""
    datatype = column["datatype"]
    if datatype in ("char", "unicodeChar"):
        return None
    if not is_list(column):
        if datatype in ("float", "double"):
            return "NaN"
        return None
    if is_variable(column):
        return None
    if datatype in ("floatComplex", "doubleComplex"):
        return ["NaN", 0.0] * (element_count(column) // 2)
    if datatype in ("float", "double"):
        return ["NaN"] * element_count(column)
    return [None] * element_count(column)


def expected_values(column, serialization):
    """The values a reader should see for one column of one serialization."""
    values = []
    for value in column["values"]:
        if serialization in ("tabledata", "binary") and value in ("", []):
            value = None
        elif serialization == "binary" and value is None:
            value = masked_in_binary(column)
        values.append(value)
    return values


def timestamp_micros(text):
    """Microseconds since the epoch of an ISO-8601 timestamp (UTC when no offset)."""
    if text is None:
        return None
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    delta = moment - datetime(1970, 1, 1, tzinfo=timezone.utc)
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


def canonical(value):
    """A reader's value in the expected JSON's form: NaN/Infinity as strings,
    numpy scalars as Python numbers, sequences as lists."""
    if value is None:
        return None
    if hasattr(value, "tolist") and not isinstance(value, (list, str)):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return [canonical(item) for item in value]
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
    return value


def same(expected, actual):
    """Exact equality: floats bit for bit (sign of zero included), NaN equal to NaN."""
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(same(e, a) for e, a in zip(expected, actual))
    if isinstance(expected, float) or isinstance(actual, float):
        if isinstance(expected, bool) or isinstance(actual, bool):
            return False
        if not isinstance(expected, (int, float)) or not isinstance(actual, (int, float)):
            return False
        return struct.pack("<d", float(expected)) == struct.pack("<d", float(actual))
    if isinstance(expected, bool) != isinstance(actual, bool):
        return False
    return expected == actual
