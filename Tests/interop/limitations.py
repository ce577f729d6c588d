"""Known reader limitations: what a reader cannot read or represent exactly.

Nothing here skips a check silently.  Each entry either
* marks a column the reader cannot read at all (``unreadable``): the checker
  reads the rest of the file without it and reports the entry as applied;
* maps an expected value to exactly what the reader is able to deliver for it
  (``expected_as_read``), and the value check still runs on every row;
* or documents that the reader returns raw bytes / raw integers for the type,
  which the reader module decodes before the exact comparison.
Every applied entry is listed in the checker's output.

Evidence for each entry comes from reading pyarrow-written sample files (see
make_sample_files.py) with the pinned library versions.
"""

import json
import math
from dataclasses import dataclass
from typing import Callable

from canonical import NANOS_PER_UNIT, rescale
from spec import same_value, type_key


@dataclass(frozen=True)
class Limitation:
    """One known limitation of one reader for the columns ``applies`` accepts."""

    reader: str
    applies: Callable
    reason: str
    unreadable: bool = False
    expected_as_read: Callable | None = None


@dataclass(frozen=True)
class WithinUlps:
    """Matcher for a float that may differ from ``value`` by ``ulps`` units in the last place."""

    value: float
    ulps: int

    def matches(self, actual):
        """True when ``actual`` is a float within the allowed distance."""
        return (isinstance(actual, float)
                and abs(actual - self.value) <= self.ulps * math.ulp(self.value))

    def __repr__(self):
        return f"{self.value!r} (within {self.ulps} ulp)"


@dataclass(frozen=True)
class EitherOf:
    """Matcher for a value a reader delivers in one of two forms, e.g. raw or converted."""

    first: object
    second: object

    def matches(self, actual):
        """True when ``actual`` equals either form."""
        return same_value(self.first, actual) or same_value(self.second, actual)

    def __repr__(self):
        return f"{self.first!r} or {self.second!r}"


def _null_as_nan(column, value):
    """fastparquet float64/float32 columns hold nulls as NaN."""
    return math.nan if value is None else value


def _decimal_as_fastparquet_float(column, value):
    """The float64 fastparquet computes: float(unscaled) * 10**-scale."""
    if value is None:
        return None
    scale = column.logical_type["scale"]
    return float(int(value.replace(".", ""))) * 10**-scale


def _date_as_fastparquet_nanos(column, value):
    """fastparquet multiplies days by 86400e9 in int64, wrapping silently."""
    if value is None:
        return None
    nanos = value * NANOS_PER_UNIT["DAYS"]
    wrapped = (nanos + 2**63) % 2**64 - 2**63
    return rescale(wrapped, "NANOS", "DAYS")


def _parsed_json(column, value):
    """fastparquet hands back JSON columns already parsed."""
    return None if value is None else json.loads(value)


# fastparquet's conversions of flat columns that are lossy or change the form.
_FASTPARQUET_CONVERSIONS = {"DECIMAL": _decimal_as_fastparquet_float,
                            "DATE": _date_as_fastparquet_nanos,
                            "JSON": _parsed_json}


def _raw_or_fastparquet_converted(column, value):
    """A list element as read: raw (PLAIN page) or converted like a flat column (dictionary page)."""
    convert = _FASTPARQUET_CONVERSIONS.get(column.kind)
    if convert is None or value is None:
        return value
    converted = convert(column, value)
    return value if same_value(converted, value) else EitherOf(value, converted)


def _decimal_as_duckdb_double(column, value):
    """DuckDB's DOUBLE for a wide decimal is within one ulp of the exact value."""
    if value is None:
        return None
    return WithinUlps(float(value), 1)


def _time_truncated_to_micros(column, value):
    """DuckDB keeps TIME WITH TIME ZONE at microsecond resolution, truncating nanoseconds."""
    return None if value is None else value - value % 1000


def _key_in(*keys):
    """Predicate: the column's (leaf) type key is one of ``keys``."""
    return lambda column: type_key(column) in keys


def _flat_key_in(*keys):
    """Predicate: the column is not a LIST and its type key is one of ``keys``."""
    return lambda column: not column.is_list and type_key(column) in keys


def _pages_encoded(*encodings, page_type=None):
    """Predicate: some data page of the column uses one of ``encodings`` (and, when
    given, the column has pages of ``page_type``)."""
    return lambda column: (bool(column.data_encodings & set(encodings))
                           and (page_type is None or page_type in column.data_page_types))


def _has_nulls(column):
    """True when a column may have fewer values than levels: OPTIONAL or LIST."""
    return column.is_optional or column.is_list


def _stored_integer(column, value):
    """The signed INT32/INT64 a canonical expected value is stored as (decimal text,
    unsigned or signed integer)."""
    number = int(value.replace(".", "")) if isinstance(value, str) else int(value)
    bits = 32 if column.physical_type == "INT32" else 64
    return number - (1 << bits) if number >= 1 << (bits - 1) else number


def _leaves(value):
    """The non-null leaf values of a cell, through any list nesting."""
    if isinstance(value, list):
        return [leaf for element in value for leaf in _leaves(element)]
    return [] if value is None else [value]


def _integer_span_reaches_2_27(column):
    """True when the column's stored integers span 2**27 or more. Below that, two
    deltas differ by less than 2**28, so no DELTA_BINARY_PACKED miniblock needs more
    than 28 bits."""
    if column.physical_type not in ("INT32", "INT64"):
        return False
    numbers = [_stored_integer(column, leaf) for cell in column.values for leaf in _leaves(cell)]
    return bool(numbers) and max(numbers) - min(numbers) >= 1 << 27


LIMITATIONS = [
    # fastparquet, DECIMAL: converted to float64 as float(unscaled) * 10**-scale,
    # which is not even correctly rounded (9-digit -1234567.89 reads as
    # -1234567.8900000001); exact decimal text is unavailable.
    Limitation("fastparquet", lambda c: not c.is_list and c.kind == "DECIMAL",
               "DECIMAL is read as float64 = float(unscaled) * 10**-scale (lossy)",
               expected_as_read=_decimal_as_fastparquet_float),
    # fastparquet, optional FLOAT/DOUBLE and DECIMAL: pandas float columns have
    # no null marker, so nulls come back as NaN and cannot be told from NaN.
    # (Null list elements come back as None.)
    Limitation("fastparquet",
               lambda c: not c.is_list and c.is_optional
               and (c.physical_type in ("FLOAT", "DOUBLE") or c.kind == "DECIMAL"),
               "optional float/decimal nulls are read as NaN (indistinguishable from NaN)",
               expected_as_read=_null_as_nan),
    # fastparquet, any type, column with only nulls: to_pandas() raises
    # "TypeError: an integer is required" for an all-null column chunk that has
    # a dictionary page and no compression (reproduced with pyarrow-written
    # files; with snappy, or without a dictionary, it reads fine; a LIST column
    # of only null lists fails the same way).  The JSON does not say how a
    # column was encoded, so all-null columns are left out for fastparquet;
    # the other readers still check them.
    Limitation("fastparquet", lambda c: bool(c.values) and all(v is None for v in c.values),
               "all-null column cannot be read when dictionary-encoded and uncompressed (column left out)",
               unreadable=True),
    # fastparquet, DATE: read as datetime64[ns] via days * 86400e9 in int64, which
    # wraps silently outside 1677-09-21..2262-04-11 (0001-01-01 reads as 1754-08-30).
    Limitation("fastparquet", _flat_key_in("DATE"),
               "DATE is read as datetime64[ns]; days*86400e9 wraps silently outside 1677..2262",
               expected_as_read=_date_as_fastparquet_nanos),
    # fastparquet, JSON: the text is parsed with a JSON decoder, so only the
    # parsed value (not the exact text) can be compared.
    Limitation("fastparquet", _flat_key_in("JSON"),
               "JSON text is returned parsed, compared as parsed values",
               expected_as_read=_parsed_json),
    # fastparquet, STRING: by default the dtype depends on page encoding (object
    # for dictionary pages, pandas "str" for PLAIN pages), and a column chunk
    # that falls back from dictionary to PLAIN pages loses the PLAIN pages'
    # values (18976 of 20000 read as None); a LIST of STRING column with PLAIN
    # pages reads as all None.  The reader module therefore asks for
    # fastparquet's object dtype explicitly, which reads all pages alike.
    Limitation("fastparquet", _key_in("STRING"),
               "STRING read with explicit object dtype (default mixes dtypes and drops values "
               "after dictionary fallback)"),
    # fastparquet, FLOAT16: no FLOAT16 support; returns the raw 2-byte values,
    # which the checker decodes as little-endian IEEE half floats.
    Limitation("fastparquet", _key_in("FLOAT16"),
               "FLOAT16 is returned as raw 2-byte values (decoded by the checker)"),
    # fastparquet, UUID: no UUID support; returns the raw 16 bytes.
    Limitation("fastparquet", _key_in("UUID"),
               "UUID is returned as raw 16-byte values (decoded by the checker)"),
    # fastparquet, ENUM: the ENUM ConvertedType is not handled; returns raw bytes.
    Limitation("fastparquet", _key_in("ENUM"),
               "ENUM is returned as raw bytes (decoded as UTF-8 by the checker)"),
    # fastparquet, FIXED_LEN_BYTE_ARRAY (plain, UUID, FLOAT16): values pass
    # through a numpy 'S' array, which drops trailing NUL bytes.
    Limitation("fastparquet", lambda c: c.physical_type == "FIXED_LEN_BYTE_ARRAY" and c.kind != "DECIMAL",
               "FIXED_LEN_BYTE_ARRAY values lose trailing NUL bytes (re-padded by the checker)"),
    # fastparquet, TIMESTAMP(isAdjustedToUTC=true): read as naive datetime64;
    # the UTC marker is lost (values are exact).
    Limitation("fastparquet", _key_in("TIMESTAMP_MILLIS_UTC", "TIMESTAMP_MICROS_UTC", "TIMESTAMP_NANOS_UTC"),
               "UTC-adjusted TIMESTAMP is read as naive datetime64 (time zone dropped)"),
    # fastparquet, TIME without a legacy ConvertedType (local time, or NANOS):
    # the TIME logical type is ignored and raw integers are returned.
    Limitation("fastparquet", _key_in("TIME_MILLIS_LOCAL", "TIME_MICROS_LOCAL", "TIME_NANOS_LOCAL",
                                      "TIME_NANOS_UTC"),
               "TIME without a ConvertedType is returned as raw integers"),
    # fastparquet, LIST of LIST: the column is matched to the leaf path minus
    # two levels ("ll.list.element"), which is no requested column, so every
    # row silently reads as None.
    # fastparquet, DELTA_LENGTH_BYTE_ARRAY (6), DELTA_BYTE_ARRAY (7) and
    # BYTE_STREAM_SPLIT (9): raises NotImplementedError("Encoding N") (pyarrow-written
    # files alike).
    Limitation("fastparquet", _pages_encoded("DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY", "BYTE_STREAM_SPLIT"),
               "DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT pages raise "
               "NotImplementedError (column left out)", unreadable=True),
    # fastparquet, DELTA_BINARY_PACKED: miniblocks with a bit width of 29 or more
    # decode to wrong values, and above 56 bits crash the process (segmentation
    # fault); pyarrow-written files with the same values alike.  Columns whose values
    # span less than 2**27 (at most 28 bits) read correctly.
    Limitation("fastparquet", lambda c: _pages_encoded("DELTA_BINARY_PACKED")(c) and _integer_span_reaches_2_27(c),
               "DELTA_BINARY_PACKED miniblocks wider than 28 bits decode wrongly or crash the reader "
               "(column left out)", unreadable=True),
    # fastparquet, v2 data pages with nulls: DELTA_BINARY_PACKED values fail with
    # "null delta-int not implemented" or a NumPy broadcast error, RLE booleans with a
    # NumPy assignment error (pyarrow-written v2 files alike).
    Limitation("fastparquet",
               lambda c: _has_nulls(c) and (_pages_encoded("DELTA_BINARY_PACKED", page_type="DATA_PAGE_V2")(c)
                                            or (c.physical_type == "BOOLEAN" and "DATA_PAGE_V2" in c.data_page_types)),
               "v2 data pages with nulls and DELTA_BINARY_PACKED or RLE boolean values fail to decode "
               "(column left out)", unreadable=True),
    # fastparquet, DELTA_BINARY_PACKED in v2 data pages without nulls: the values are
    # decoded as 32-bit integers whatever the physical type, so INT64 values come out
    # wrong (0, 1 read as 4294967296, 12884901890) and DATE raises "TypeError: cannot
    # perform __mul__ with this index type: DatetimeArray" (pyarrow-written v2 files
    # alike; v1 pages read correctly).
    Limitation("fastparquet",
               lambda c: ((c.physical_type == "INT64" or c.kind == "DATE")
                          and _pages_encoded("DELTA_BINARY_PACKED", page_type="DATA_PAGE_V2")(c)),
               "DELTA_BINARY_PACKED v2 pages are decoded as 32-bit integers: INT64 values are wrong, "
               "DATE raises TypeError (column left out)", unreadable=True),
    # fastparquet, a DELTA_BINARY_PACKED page without values (only nulls; pyarrow writes
    # such a page the same way, a header with a count of 0 and no block): the decoder
    # still reads a miniblock bit width, past the page's bytes, and when that byte is not
    # zero it moves its output position below zero and writes about 4 GiB past the
    # buffer (cencoding.delta_binary_unpack). A segmentation fault or heap corruption,
    # depending on what follows the page in memory; shown with pyarrow's bytes for such a
    # page followed by a non-zero byte, and it once crashed the whole checker.
    Limitation("fastparquet", lambda c: "DELTA_BINARY_PACKED" in c.valueless_page_encodings,
               "a DELTA_BINARY_PACKED page holding only nulls makes the decoder write past its buffer "
               "(column left out)", unreadable=True),
    # fastparquet, v2 data pages, flat OPTIONAL columns it reads as pandas nullable
    # integers: with several pages in a column chunk, "operands could not be broadcast
    # together with shapes (page rows,) () (row group rows,)" (pyarrow-written v2 files
    # with several pages alike; one page per chunk reads).
    Limitation("fastparquet",
               lambda c: (not c.is_list and c.is_optional and "DATA_PAGE_V2" in c.data_page_types
                          and type_key(c) in ("INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32",
                                              "UINT64", "TIME_NANOS_UTC", "TIME_NANOS_LOCAL")),
               "v2 data pages of OPTIONAL integer columns fail to combine when a chunk has several pages "
               "(column left out)", unreadable=True),
    Limitation("fastparquet", lambda c: len(c.list_levels) > 1,
               "LIST of LIST reads as all None (column left out)", unreadable=True),
    # fastparquet, LIST in v2 data pages: its v2 page reader decodes the repetition
    # levels but does not assemble lists from them (core.read_data_page_v2, marked
    # "TODO: probably not functional"). pyarrow-written v2 LIST columns alike: PLAIN
    # pages raise IndexError ("boolean index did not match") or ValueError ("could not
    # broadcast"), dictionary pages with several pages per chunk raise UnboundLocalError
    # ("local variable 'defi'"), and a REQUIRED list in one dictionary page reads its
    # empty lists as None. When the pages' row counts fall short of the chunk's value
    # count it reads past the chunk ("TypeError: an integer is required").
    Limitation("fastparquet", lambda c: c.is_list and "DATA_PAGE_V2" in c.data_page_types,
               "LIST columns in v2 data pages fail to decode or read wrongly (column left out)", unreadable=True),
    # fastparquet, LIST: elements of dictionary-encoded pages are converted
    # like flat columns, but elements of PLAIN pages are the raw physical
    # values (days, unscaled decimals, signed integers for unsigned types,
    # JSON bytes), and one column chunk can mix both after dictionary
    # fallback.  The reader module decodes raw values exactly; where the
    # converted form differs (DECIMAL float64, DATE wrapping, parsed JSON) an
    # element must equal one of the two forms.
    Limitation("fastparquet", lambda c: len(c.list_levels) == 1,
               "LIST elements from PLAIN pages are raw physical values (decoded by the checker), "
               "from dictionary pages converted like flat columns",
               expected_as_read=_raw_or_fastparquet_converted),
    # DuckDB, DECIMAL with precision > 38: read as DOUBLE, and the conversion is
    # not correctly rounded (off by up to 1 ulp in 380 of 2003 random values).
    # DuckDB, BYTE_STREAM_SPLIT: "only supported for FLOAT, DOUBLE, INT32 or INT64 data".
    Limitation("duckdb",
               lambda c: c.physical_type == "FIXED_LEN_BYTE_ARRAY" and _pages_encoded("BYTE_STREAM_SPLIT")(c),
               "BYTE_STREAM_SPLIT FIXED_LEN_BYTE_ARRAY pages are not supported (column left out)",
               unreadable=True),
    Limitation("duckdb", _key_in("DECIMAL_WIDE"),
               "DECIMAL with precision > 38 is read as DOUBLE (within 1 ulp)",
               expected_as_read=_decimal_as_duckdb_double),
    # DuckDB, TIME(NANOS, isAdjustedToUTC=true): read as TIME WITH TIME ZONE,
    # which has microsecond resolution; 86399999999999 ns reads as 86399999999000.
    Limitation("duckdb", _key_in("TIME_NANOS_UTC"),
               "TIME(NANOS, UTC) is read as TIME WITH TIME ZONE, truncated to microseconds",
               expected_as_read=_time_truncated_to_micros),
    # polars, DECIMAL with precision > 38: read_parquet fails for the whole file
    # ("can't decode Decimal128 type from Fixed Size Byte Array of len 21").
    Limitation("polars", _key_in("DECIMAL_WIDE"),
               "DECIMAL with precision > 38 cannot be read (column left out)", unreadable=True),
    # polars, UUID: no UUID dtype; read as Binary (raw 16 bytes).
    # polars, FIXED_LEN_BYTE_ARRAY with BYTE_STREAM_SPLIT or DELTA_BYTE_ARRAY: "Decoding
    # FixedLenByteArray(N) ... optional parquet pages not yet supported", and "... required
    # parquet pages not yet supported" for REQUIRED columns (pyarrow-written files alike).
    Limitation("polars",
               lambda c: (c.physical_type == "FIXED_LEN_BYTE_ARRAY"
                          and _pages_encoded("BYTE_STREAM_SPLIT", "DELTA_BYTE_ARRAY")(c)),
               "FIXED_LEN_BYTE_ARRAY pages in BYTE_STREAM_SPLIT or DELTA_BYTE_ARRAY are not "
               "supported (column left out)", unreadable=True),
    Limitation("polars", _key_in("UUID"), "UUID is read as Binary (decoded by the checker)"),
    # polars, JSON: read as Binary rather than String.
    Limitation("polars", _key_in("JSON"), "JSON is read as Binary (decoded as UTF-8 by the checker)"),
    # pyarrow, ENUM: no Arrow mapping for ENUM; read as binary.
    Limitation("pyarrow", _key_in("ENUM"), "ENUM is read as binary (decoded as UTF-8 by the checker)"),
]


def limitations_for(reader_name, column):
    """The limitations of ``reader_name`` that apply to ``column``."""
    return [lim for lim in LIMITATIONS if lim.reader == reader_name and lim.applies(column)]


def expected_as_read(column, value, limitations):
    """``value`` transformed by every applicable limitation, in table order.

    Table order matters: a value conversion (e.g. decimal to float) keeps
    None, and a later null entry may then turn None into NaN.
    """
    for limitation in limitations:
        if limitation.expected_as_read is not None:
            value = limitation.expected_as_read(column, value)
    return value
