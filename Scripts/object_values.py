"""Realistic DP0.2 Object values, exactly as Sources/VOParquetBench/ObjectValues.swift makes them.

Every benchmark writer, in Swift or Python, writes these same values, so their
files can be compared cell for cell.  The values depend only on the row index r
(from 0) and the column index c (from 0, in ``columnTypes`` order), through
splitmix64 and integer bit manipulation: no floating-point arithmetic, so both
languages agree to the last bit.  Scripts/README.md describes the distributions;
Scripts/check_object_values.py checks that the two implementations agree.

    column_types = load_column_types(path)
    values, mask = column_values(c, column_types[c], rows)   # rows: numpy uint64 array

``mask`` is True where the cell is null (the value there is to be ignored), or
None for a column without nulls.
"""

import json

import numpy as np

MASK64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15
MIX1 = 0xBF58476D1CE4E5B9
MIX2 = 0x94D049BB133111EB
# Salt of the per-column draw (the column's magnitude or modulus).
COLUMN_SALT = 0xA5A5A5A5A5A5A5A5
# Row index bits in a cell's key; the column index sits above them.
ROW_BITS = 40
ID_BASE = 1_250_000_000_000_000_000
ID_STRIDE = 64
BANDS = ("u", "g", "r", "i", "z", "y")
# Other short strings: the first nearly always (97%), the other three alike.
NAMES = ("DC2", "DC2_v1", "hsc_rings_v1", "lsst_cells")
# Per-cell word of a null cell in dumps and checksums; no value's word can be this.
NULL_WORD = 0x6E756C6C6E756C6C
FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3

_U = np.uint64


def mix_int(z):
    """splitmix64's finalizer on a Python int (0 <= z < 2**64)."""
    z = ((z ^ (z >> 30)) * MIX1) & MASK64
    z = ((z ^ (z >> 27)) * MIX2) & MASK64
    return z ^ (z >> 31)


def mix(z):
    """splitmix64's finalizer on a numpy uint64 array (products wrap modulo 2**64)."""
    z = (z ^ (z >> _U(30))) * _U(MIX1)
    z = (z ^ (z >> _U(27))) * _U(MIX2)
    return z ^ (z >> _U(31))


def fnv1a(text):
    """64-bit FNV-1a of the UTF-8 bytes of ``text``: a string cell's word."""
    h = FNV_OFFSET
    for byte in text.encode():
        h = ((h ^ byte) * FNV_PRIME) & MASK64
    return h


def column_draw(c):
    """The draw fixing a column's magnitude (doubles, floats) or modulus (ints)."""
    return mix_int(c ^ COLUMN_SALT)


def flux_exponent_offset(c):
    """Binary exponent offset of a floating-point column: -12 ... 12."""
    return column_draw(c) % 25 - 12


def count_modulus(c):
    """Values of an int column lie in 0 ..< this: 16 ... 4096."""
    return 1 << (4 + column_draw(c) % 9)


def rule(column):
    """The name of the rule making a column's values (see Scripts/README.md)."""
    datatype, name = column["datatype"], column["name"]
    if datatype == "long":
        return {"parentObjectId": "parent-id", "tract": "tract", "patch": "patch"}.get(name, "id")
    if datatype == "char":
        return "band" if name == "band" or name.endswith("Band") else "name"
    if datatype in ("double", "float", "boolean", "int"):
        return datatype
    raise ValueError(f"column {name}: unsupported datatype {datatype!r}")


def draws(c, rows):
    """The cell's two splitmix64 outputs (a, b) for column ``c`` and row indices ``rows``."""
    key = (_U(c) << _U(ROW_BITS)) | rows
    return mix(key + _U(GOLDEN)), mix(key + _U(2 * GOLDEN & MASK64))


def floating(c, a, b, mantissa_bits, exponent_bias, sign_shift):
    """Bit patterns and null mask of a lognormal-like floating-point column.

    The binary exponent is binomial (popcount of 16 random bits, mean 8, sd 2)
    around the column's offset; the mantissa is random; 5% are negative; 10% null.
    """
    exponent = np.bitwise_count((b >> _U(32)) & _U(0xFFFF)).astype(np.int64) - 8 + flux_exponent_offset(c)
    negative = ((b >> _U(48)) % _U(100)) < _U(5)
    bits = ((negative.astype(np.uint64) << _U(sign_shift))
            | ((exponent + exponent_bias).astype(np.uint64) << _U(mantissa_bits))
            | (a >> _U(64 - mantissa_bits)))
    return bits, ((b & _U(0xFFFFFFFF)) % _U(100)) < _U(10)


def column_values(c, column, rows):
    """Values of column ``c`` (a ``columnTypes`` entry) at row indices ``rows`` (uint64).

    Returns (values, mask): float64, float32, bool, int32, int64 or object (str)
    numpy values, and a bool null mask or None.
    """
    a, b = draws(c, rows)
    kind = rule(column)
    if kind == "double":
        bits, mask = floating(c, a, b, 52, 1023, 63)
        return bits.view(np.float64), mask
    if kind == "float":
        bits, mask = floating(c, a, b, 23, 127, 31)
        return bits.astype(np.uint32).view(np.float32), mask
    if kind == "boolean":
        draw = a % _U(100)
        return draw < _U(7), draw < _U(2)
    if kind == "int":
        return (b % _U(count_modulus(c))).astype(np.int32), (a % _U(100)) < _U(5)
    if kind == "id":
        return (_U(ID_BASE) + rows * _U(ID_STRIDE) + a % _U(ID_STRIDE)).astype(np.int64), None
    if kind == "parent-id":
        parent = _U(ID_BASE) + (b % (rows + _U(1))) * _U(ID_STRIDE)
        return np.where(a % _U(100) < _U(80), _U(0), parent).astype(np.int64), None
    if kind == "tract":
        return (_U(2897) + (rows >> _U(16))).astype(np.int64), None
    if kind == "patch":
        return ((rows >> _U(10)) % _U(49)).astype(np.int64), None
    if kind == "band":
        return np.array(BANDS, dtype=object)[(a % _U(len(BANDS))).astype(np.intp)], None
    common = (a % _U(100)) < _U(97)
    index = np.where(common, 0, 1 + (b % _U(3)).astype(np.intp))
    return np.array(NAMES, dtype=object)[index], None


def words(column, values, mask):
    """Each cell's 64-bit word, as the Swift benchmark's dump and checksum use it.

    double and float: the bit pattern; boolean: 0 or 1; int and long: the
    two's-complement bits (int as 32 bits); string: FNV-1a of its UTF-8; null: NULL_WORD.
    """
    datatype = column["datatype"]
    if datatype == "double":
        result = values.view(np.uint64).copy()
    elif datatype == "float":
        result = values.view(np.uint32).astype(np.uint64)
    elif datatype == "int":
        result = values.view(np.uint32).astype(np.uint64)
    elif datatype == "long":
        result = values.view(np.uint64).copy()
    elif datatype == "boolean":
        result = values.astype(np.uint64)
    else:
        hashes = {text: fnv1a(text) for text in set(values.tolist())}
        result = np.array([hashes[text] for text in values.tolist()], dtype=np.uint64)
    if mask is not None:
        result[mask] = _U(NULL_WORD)
    return result


def load_column_types(object_json):
    """The ``columnTypes`` list of a TAP envelope file."""
    with open(object_json, encoding="utf-8") as f:
        return json.load(f)["columnTypes"]


def row_range(first, count):
    """Row indices first ..< first + count as the uint64 array column_values takes."""
    return np.arange(first, first + count, dtype=np.uint64)
