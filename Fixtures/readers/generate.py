"""Write the reader conformance fixtures into Fixtures/readers/.

Usage (from the repository root, with the project virtual environment):

    /work/main/.venv/bin/python Fixtures/readers/generate.py

Small Parquet files from pyarrow, DuckDB, polars and fastparquet that together
cover the type x encoding x codec x page-version matrix, the page index, Bloom
filters, page CRCs, empty and all-null columns, and nested lists, maps and
structs, including legacy 2-level and 1-level lists (made by rewriting the
footer of a pyarrow file, as pyarrow cannot write them).

Beside each ``NAME.parquet`` goes ``NAME.json``:

* ``rows``: the values, one object per row keyed by top-level column, in the
  value conventions of ``pqdump rows --json`` (Docs/pqdump.md).  They are
  pyarrow's reading of the file, and the script first checks that this reading
  equals the data that was written, so they are the written values.
* ``meta``: pyarrow's metadata of the file in the shape of ``pqdump meta
  --json`` (a subset of its fields).

All data is computed from the row index, so output is deterministic for fixed
library versions.
"""

import base64
import datetime
import decimal
import json
import math
import os
import struct
import sys
import uuid

import duckdb
import fastparquet
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO_ROOT, "Tests", "interop"))

import parquet_footer  # noqa: E402  (needs the path above)
import thrift_compact as tc  # noqa: E402

MAX_TOTAL_BYTES = 1_500_000
# Decimal arithmetic must not round the 30-digit values.
decimal.getcontext().prec = 60
UNITS_PER_SECOND = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}
EPOCH = datetime.date(1970, 1, 1)


# ---------------------------------------------------------------- data


def with_nulls(values, every, offset=0):
    """``values`` with None at every ``every``-th row from ``offset``."""
    return [None if every and (r - offset) % every == 0 else v for r, v in enumerate(values)]


def flat_table(rows, nulls=True):
    """Every flat Arrow type pyarrow writes, with edge values in the first rows."""
    def n(values, every):
        return with_nulls(values, every if nulls else 0)

    r = range(rows)
    doubles = [math.nan, -0.0, 0.0, math.inf, -math.inf, 1e300, 5e-324] + [i * 0.25 - 7.5 for i in r][7:]
    floats = [math.nan, -0.0, 0.0, math.inf, -math.inf, 3.4028234663852886e38, 1e-45] + [i * 0.37 - 7.5 for i in r][7:]
    uuids = [uuid.UUID(int=(i * 0x9E3779B97F4A7C15_0123456789ABCDEF) % (1 << 128)).bytes for i in r]
    return pa.table({
        "b": pa.array(n([i % 3 == 0 for i in r], 7), pa.bool_()),
        "i8": pa.array(n([(i * 37) % 256 - 128 for i in r], 5), pa.int8()),
        "i16": pa.array(n([(i * 7919) % 65536 - 32768 for i in r], 6), pa.int16()),
        "i32": pa.array(n([-2**31 if i == 1 else i * 104729 - 5000 for i in r], 8), pa.int32()),
        "i64": pa.array(n([-2**63 if i == 2 else 2**63 - 1 if i == 3 else i * 1_000_000_007 for i in r], 9), pa.int64()),
        "u8": pa.array(n([i % 256 for i in r], 10), pa.uint8()),
        "u16": pa.array(n([(i * 31) % 65536 for i in r], 11), pa.uint16()),
        "u32": pa.array(n([2**32 - 1 if i == 1 else i * 2_654_435 % 2**32 for i in r], 12), pa.uint32()),
        "u64": pa.array(n([2**64 - 1 if i == 1 else (i * 0x9E3779B97F4A7C15) % 2**64 for i in r], 13), pa.uint64()),
        "f32": pa.array(n([float(np.float32(f)) for f in floats], 14), pa.float32()),
        "f64": pa.array(n(doubles, 15), pa.float64()),
        "f16": pa.array(n([np.float16(i * 0.5 - 20) for i in r], 16), pa.float16()),
        "s": pa.array(n(["" if i == 0 else f"s{i % 17}-é😀-{i}" for i in r], 4), pa.string()),
        "bin": pa.array(n([bytes((j * 31 + i) % 256 for j in range(i % 9)) for i in r], 6), pa.binary()),
        "fixed": pa.array(n([bytes([i % 256, i // 256 % 256, 7, 255]) for i in r], 7), pa.binary(4)),
        "d": pa.array(n([-719_162 if i == 0 else 2_932_896 if i == 1 else i * 13 - 400 for i in r], 8), pa.int32()).cast(pa.date32()),
        "t_ms": pa.array(n([i * 12_345 % 86_400_000 for i in r], 9), pa.int32()).cast(pa.time32("ms")),
        "t_us": pa.array(n([86_399_999_999 if i == 1 else i * 12_345_678 % 86_400_000_000 for i in r], 10), pa.int64()).cast(pa.time64("us")),
        "t_ns": pa.array(n([i * 12_345_678_901 % 86_400_000_000_000 for i in r], 11), pa.int64()).cast(pa.time64("ns")),
        "ts_ms": pa.array(n([-62_135_596_800_000 if i == 0 else 1_700_000_000_000 + i * 1_001 for i in r], 12), pa.int64()).cast(pa.timestamp("ms")),
        "ts_us_utc": pa.array(n([1_700_000_000_000_000 + i * 1_000_003 - (i % 2) * 10**15 for i in r], 13), pa.int64()).cast(pa.timestamp("us", "UTC")),
        "ts_ns": pa.array(n([-1 if i == 1 else 1_700_000_000_000_000_000 + i * 999_999_937 for i in r], 14), pa.int64()).cast(pa.timestamp("ns")),
        "dec9": pa.array(n([decimal.Decimal(i * 7919 - 50_000).scaleb(-2) for i in r], 5), pa.decimal128(9, 2)),
        "dec18": pa.array(n([decimal.Decimal(i * 1_000_000_007 - 10**17).scaleb(-4) for i in r], 6), pa.decimal128(18, 4)),
        "dec30": pa.array(n([decimal.Decimal(-(10**30 - 1) if i == 1 else i * 123_456_789_123 - 987_654).scaleb(-5) for i in r], 7), pa.decimal128(30, 5)),
        "uuid": pa.array(n(uuids, 8), pa.uuid()),
        "json": pa.array(n([json.dumps({"k": i % 5}) for i in r], 9), pa.json_()),
    })


def small_table(rows):
    """A few columns of the common kinds, for the codec x page version matrix."""
    full = flat_table(rows)
    return full.select(["b", "i32", "i64", "f64", "s", "bin", "d", "ts_us_utc", "dec18"])


def nested_table():
    """Lists, nested lists, structs, lists of structs, structs of lists and maps,
    with nulls and empty lists at every level."""
    rows = 40
    r = range(rows)

    def maybe(i, value, every, empty=None):
        if i % every == 0:
            return None
        if empty is not None and i % every == 1:
            return empty
        return value

    point = pa.struct([("x", pa.int32()), ("label", pa.string())])
    return pa.table({
        "id": pa.array(list(r), pa.int32()),
        "ints": pa.array([maybe(i, [None if (i + j) % 4 == 0 else i * 10 + j for j in range(i % 4)], 5, []) for i in r],
                         pa.list_(pa.int64())),
        "nested": pa.array([maybe(i, [maybe(i + j, [i, j], 3, []) for j in range(i % 3)], 6, []) for i in r],
                           pa.list_(pa.list_(pa.int16()))),
        "point": pa.array([maybe(i, {"x": None if i % 7 == 0 else i, "label": f"p{i}"}, 4) for i in r], point),
        "points": pa.array([maybe(i, [maybe(i + j, {"x": j, "label": None if j == 1 else f"q{j}"}, 5) for j in range(i % 3)], 6, [])
                            for i in r], pa.list_(point)),
        "holder": pa.array([maybe(i, {"tags": maybe(i, [f"t{j}" for j in range(i % 3)], 4, []), "score": i * 0.5}, 9)
                            for i in r], pa.struct([("tags", pa.list_(pa.string())), ("score", pa.float64())])),
        "map": pa.array([maybe(i, [(f"k{j}", None if j == 2 else i + j) for j in range(i % 4)], 7, []) for i in r],
                        pa.map_(pa.string(), pa.int32())),
    })


def all_null_table(rows):
    """Columns whose every value is null, of several types (one of Arrow type null)."""
    return pa.table({
        "id": pa.array(range(rows), pa.int64()),
        "none_i": pa.nulls(rows, pa.int32()),
        "none_s": pa.nulls(rows, pa.string()),
        "none_d": pa.nulls(rows, pa.float64()),
        "none_ts": pa.nulls(rows, pa.timestamp("us", "UTC")),
        "none_list": pa.nulls(rows, pa.list_(pa.int32())),
        "nulltype": pa.nulls(rows, pa.null()),
    })


# ---------------------------------------------------------------- writers


def write_pyarrow(path, table, **options):
    """pyarrow's writer with the given options."""
    pq.write_table(table, path, **options)
    return table


def duckdb_source():
    """A DuckDB relation of DuckDB-native types, including nested ones."""
    return """
        SELECT
            i::INTEGER AS id,
            CASE WHEN i % 5 = 0 THEN NULL ELSE i % 2 = 0 END AS flag,
            (i * 37 % 256 - 128)::TINYINT AS tiny,
            (i * 7919 % 65536 - 32768)::SMALLINT AS small,
            CASE WHEN i % 6 = 0 THEN NULL ELSE i * 1000000007 END::BIGINT AS big,
            (i % 256)::UTINYINT AS utiny,
            (i * 2654435)::UBIGINT AS ubig,
            (i * 0.25 - 3)::FLOAT AS real32,
            CASE WHEN i % 7 = 0 THEN NULL ELSE i * 0.001 - 1.5 END::DOUBLE AS real64,
            CASE WHEN i % 4 = 0 THEN NULL ELSE 'name-' || (i % 9) END AS name,
            ('blob' || i)::BLOB AS bytes,
            (DATE '2000-01-01' + (i * 37)::INTEGER) AS day,
            (TIME '00:00:00' + to_microseconds(i * 1234567)) AS clock,
            (TIMESTAMP '2020-01-01 00:00:00' + to_microseconds(i * 123456789)) AS stamp,
            (TIMESTAMPTZ '2020-01-01 00:00:00+00' + to_milliseconds(i * 1001)) AS stamp_tz,
            (i * 7919 - 50000)::DECIMAL(9, 2) / 100 AS dec9,
            (i::DECIMAL(18, 4) * 1000.5) AS dec18,
            (i::DECIMAL(30, 5) * 12345678901234.5) AS dec30,
            ('00000000-0000-4000-8000-' || lpad((i * 7919)::VARCHAR, 12, '0'))::UUID AS id_uuid,
            CASE WHEN i % 6 = 0 THEN NULL ELSE [i, i + 1, NULL][1:(i % 4)] END AS ints,
            CASE WHEN i % 8 = 0 THEN NULL ELSE {'a': i, 'b': 'x' || i} END AS st,
            CASE WHEN i % 9 = 0 THEN NULL ELSE MAP(['k' || i], [i * 2]) END AS mp
        FROM range(80) t(i)
    """


def write_duckdb(path, options):
    """DuckDB's writer, COPY with ``options`` (a SQL option list)."""
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    connection.execute(f"COPY ({duckdb_source()}) TO '{path}' (FORMAT parquet, {options})")
    return connection.sql(duckdb_source()).to_arrow_table()


def polars_frame(rows):
    """A polars frame of polars-native types, including a list and a struct."""
    r = range(rows)
    return pl.DataFrame({
        "id": pl.Series(list(r), dtype=pl.Int64),
        "small": pl.Series([None if i % 5 == 0 else i % 100 for i in r], dtype=pl.Int16),
        "u32": pl.Series([i * 2_654_435 % 2**32 for i in r], dtype=pl.UInt32),
        "value": pl.Series([None if i % 7 == 0 else i * 0.125 for i in r], dtype=pl.Float64),
        "ratio": pl.Series([i * 0.5 for i in r], dtype=pl.Float32),
        "flag": pl.Series([i % 3 == 0 for i in r], dtype=pl.Boolean),
        "name": pl.Series([None if i % 6 == 0 else f"n{i % 11}" for i in r], dtype=pl.String),
        "day": pl.Series([EPOCH + datetime.timedelta(days=i * 3) for i in r], dtype=pl.Date),
        "stamp": pl.Series([datetime.datetime(2021, 1, 1) + datetime.timedelta(microseconds=i * 123_457) for i in r],
                           dtype=pl.Datetime("us")),
        "tags": pl.Series([None if i % 8 == 0 else [f"t{j}" for j in range(i % 3)] for i in r], dtype=pl.List(pl.String)),
        "pair": pl.Series([{"a": i, "b": None if i % 4 == 0 else f"b{i}"} for i in r],
                          dtype=pl.Struct({"a": pl.Int32, "b": pl.String})),
    })


def write_polars(path, rows, **options):
    """polars' own (Rust) writer."""
    frame = polars_frame(rows)
    frame.write_parquet(path, **options)
    return frame.to_arrow()


def pandas_frame(rows):
    """A pandas frame fastparquet writes: numbers, text, categories, datetimes."""
    r = range(rows)
    return pd.DataFrame({
        "id": np.arange(rows, dtype=np.int32),
        "big": np.array([i * 1_000_000_007 for i in r], dtype=np.int64),
        "u16": np.array([i * 31 % 65536 for i in r], dtype=np.uint16),
        "value": [math.nan if i % 6 == 0 else i * 0.25 for i in r],
        "flag": [i % 3 == 0 for i in r],
        "text": [None if i % 5 == 0 else f"text-{i % 13}" for i in r],
        "category": pd.Categorical([["red", "green", "blue"][i % 3] for i in r]),
        "stamp": pd.to_datetime([None if i % 9 == 0 else 1_600_000_000_000_000_000 + i * 123_456_789 for i in r], unit="ns"),
    })


def write_fastparquet(path, rows, **options):
    """fastparquet's writer."""
    frame = pandas_frame(rows)
    fastparquet.write(path, frame, **options)
    return pa.Table.from_pandas(frame, preserve_index=False)


# ---------------------------------------------------------------- legacy lists


def rewrite_as_legacy_lists(path):
    """Turn pyarrow's 3-level lists of REQUIRED elements into legacy forms with the
    same levels, by editing only the footer: ``two_level`` becomes ``optional
    group (LIST) { repeated int32 array }`` and ``one_level`` (a REQUIRED list)
    becomes ``repeated int32 one_level``.  The Arrow schema is dropped so readers
    go by the Parquet schema."""
    with open(path, "rb") as f:
        body, footer = parquet_footer.split_file(f.read())
    schema = footer[2][1][1]
    names = [element.get(4, (None, b""))[1].decode() for element in schema]
    edited = []
    index = 0
    while index < len(schema):
        element = schema[index]
        name = names[index]
        if name == "two_level":
            edited.append(element)
            leaf = dict(schema[index + 2])
            leaf[4] = (tc.BINARY, b"array")
            leaf[3] = (tc.I32, 2)  # REPEATED
            edited.append(leaf)
            index += 3
        elif name == "one_level":
            leaf = dict(schema[index + 2])
            leaf[4] = (tc.BINARY, b"one_level")
            leaf[3] = (tc.I32, 2)
            edited.append(leaf)
            index += 3
        else:
            edited.append(element)
            index += 1
    root = dict(edited[0])
    edited[0] = root
    footer[2] = (tc.LIST, (tc.STRUCT, edited))
    paths = {"two_level": [b"two_level", b"array"], "one_level": [b"one_level"]}
    for row_group in footer[4][1][1]:
        for chunk in row_group[1][1][1]:
            meta = chunk[3][1]
            top = meta[3][1][1][0].decode()
            if top in paths:
                meta[3] = (tc.LIST, (tc.BINARY, paths[top]))
    footer.pop(5, None)  # key_value_metadata with ARROW:schema
    with open(path, "wb") as f:
        f.write(parquet_footer.join_file(body, footer))


def legacy_list_table():
    """Source data for the legacy list fixture (elements never null)."""
    rows = 30
    r = range(rows)
    element = pa.field("element", pa.int32(), nullable=False)
    return pa.table({
        "id": pa.array(list(r), pa.int32()),
        "two_level": pa.array([None if i % 7 == 0 else [i * 10 + j for j in range(i % 4)] for i in r], pa.list_(element)),
        "one_level": pa.array([[i + j for j in range(i % 3)] for i in r], pa.list_(element)),
    }, schema=pa.schema([
        pa.field("id", pa.int32()),
        pa.field("two_level", pa.list_(element)),
        pa.field("one_level", pa.list_(element), nullable=False),
    ]))


# ---------------------------------------------------------------- expected values


def iso_timestamp(value, unit, utc):
    """pqdump's timestamp text: ISO 8601, unit-many fraction digits, Z when UTC."""
    per_second = UNITS_PER_SECOND[unit]
    seconds, fraction = divmod(value, per_second)
    days, second_of_day = divmod(seconds, 86_400)
    text = iso_date(days) + "T" + clock(second_of_day)
    digits = len(str(per_second)) - 1
    if digits:
        text += "." + str(fraction).rjust(digits, "0")
    return text + ("Z" if utc else "")


def iso_date(days):
    """``YYYY-MM-DD`` of a day count since 1970-01-01."""
    day = EPOCH + datetime.timedelta(days=days)
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def clock(second_of_day):
    return f"{second_of_day // 3600:02d}:{second_of_day // 60 % 60:02d}:{second_of_day % 60:02d}"


def time_of_day(value, unit):
    per_second = UNITS_PER_SECOND[unit]
    text = clock(value // per_second)
    digits = len(str(per_second)) - 1
    return text + ("." + str(value % per_second).rjust(digits, "0") if digits else "")


def decimal_text(unscaled, scale):
    sign = "-" if unscaled < 0 else ""
    digits = str(abs(unscaled)).rjust(scale + 1, "0")
    return sign + (digits if scale == 0 else f"{digits[:-scale]}.{digits[-scale:]}")


def real(value):
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def render(value, arrow_type):
    """A Python value read by pyarrow, in pqdump's JSON value conventions."""
    if value is None:
        return None
    if isinstance(arrow_type, pa.BaseExtensionType):
        if isinstance(arrow_type, pa.UuidType) or arrow_type.extension_name == "arrow.uuid":
            return str(value if isinstance(value, uuid.UUID) else uuid.UUID(bytes=value))
        return render(value, arrow_type.storage_type)
    if pa.types.is_dictionary(arrow_type):
        return render(value, arrow_type.value_type)
    if pa.types.is_boolean(arrow_type) or pa.types.is_integer(arrow_type):
        return value
    if pa.types.is_floating(arrow_type):
        return real(value)
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type) or pa.types.is_string_view(arrow_type):
        return value
    if pa.types.is_binary(arrow_type) or pa.types.is_large_binary(arrow_type) or pa.types.is_fixed_size_binary(arrow_type):
        return base64.b64encode(value).decode("ascii")
    if pa.types.is_decimal(arrow_type):
        sign, digits, exponent = value.as_tuple()
        unscaled = int("".join(map(str, digits)) or "0") * 10 ** (exponent + arrow_type.scale)
        return decimal_text(-unscaled if sign else unscaled, arrow_type.scale)
    if pa.types.is_date32(arrow_type):
        return iso_date((value - EPOCH).days)
    if pa.types.is_map(arrow_type):
        return [{"key": render(k, arrow_type.key_type), "value": render(v, arrow_type.item_type)} for k, v in value]
    if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type) or pa.types.is_list_view(arrow_type):
        return [render(v, arrow_type.value_type) for v in value]
    if pa.types.is_struct(arrow_type):
        return {field.name: render(value[field.name], field.type) for field in arrow_type}
    if pa.types.is_null(arrow_type):
        return None
    raise TypeError(f"no rendering for {arrow_type} values")


def render_column(column, arrow_type):
    """Every value of a top-level column; temporal values via their integers, which
    keep nanoseconds that Python's datetime would drop."""
    if pa.types.is_timestamp(arrow_type):
        raw = column.cast(pa.int64()).to_pylist()
        return [None if v is None else iso_timestamp(v, arrow_type.unit, arrow_type.tz is not None) for v in raw]
    if pa.types.is_time(arrow_type):
        raw = column.cast(pa.int32() if arrow_type.bit_width == 32 else pa.int64()).to_pylist()
        return [None if v is None else time_of_day(v, arrow_type.unit) for v in raw]
    return [render(v, arrow_type) for v in column.to_pylist()]


def expected_rows(table):
    columns = {field.name: render_column(table.column(field.name), field.type) for field in table.schema}
    return [{name: values[row] for name, values in columns.items()} for row in range(table.num_rows)]


def same(a, b):
    """Equality of Python values that lets NaN equal NaN."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


def check_read_back(name, read, source):
    """pyarrow's reading of the file must hold the values that were written: equal
    once both are rendered in the value conventions (which bridges type changes such
    as DuckDB's UUID text becoming a UUID column), or equal after a cast."""
    for field in source.schema:
        written = source.column(field.name)
        found = read.column(field.name)
        if same(render_column(found, found.type), render_column(written, written.type)):
            continue
        try:
            if same(found.cast(written.type).to_pylist(), written.to_pylist()):
                continue
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            pass
        raise SystemExit(f"{name}: pyarrow reads column {field.name} back differently from what was written")


# ---------------------------------------------------------------- expected metadata


def statistic_bound(statistics, which, arrow_type, column):
    """A statistics bound in the value conventions, taken from pyarrow's logical value
    where that is exact and from the raw physical value otherwise."""
    logical = getattr(statistics, which)
    raw = getattr(statistics, which + "_raw")
    if isinstance(arrow_type, pa.BaseExtensionType):
        arrow_type = arrow_type.storage_type
    if pa.types.is_timestamp(arrow_type):
        return iso_timestamp(raw, arrow_type.unit, arrow_type.tz is not None)
    if pa.types.is_time(arrow_type):
        return time_of_day(raw, arrow_type.unit)
    if pa.types.is_decimal(arrow_type):
        unscaled = raw if isinstance(raw, int) else int.from_bytes(raw, "big", signed=True)
        return decimal_text(unscaled, arrow_type.scale)
    if pa.types.is_date32(arrow_type):
        return iso_date(raw)
    if pa.types.is_float16(arrow_type):
        return real(np.frombuffer(raw, dtype="<f2")[0])
    if column.logical_type.type == "UUID":
        return str(uuid.UUID(bytes=raw))
    if isinstance(raw, bytes):
        return raw.decode() if column.logical_type.type in ("STRING", "JSON", "ENUM") else base64.b64encode(raw).decode()
    if isinstance(logical, float):
        return real(logical)
    return logical


THRIFT_CODECS = {0: "UNCOMPRESSED", 1: "SNAPPY", 2: "GZIP", 3: "LZO", 4: "BROTLI", 5: "LZ4", 6: "ZSTD", 7: "LZ4_RAW"}


def footer_codecs(path):
    """Each column chunk's codec as its parquet.thrift name, from the raw footer:
    pyarrow calls LZ4_RAW "LZ4" and the Hadoop-framed LZ4 "UNKNOWN"."""
    with open(path, "rb") as f:
        _, footer = parquet_footer.split_file(f.read())
    return [[THRIFT_CODECS[chunk[3][1][4][1]] for chunk in row_group[1][1][1]] for row_group in footer[4][1][1]]


def expected_meta(path, table):
    """pyarrow's metadata, in the shape (and a subset of the fields) of pqdump meta --json;
    codecs come from the raw footer (see footer_codecs)."""
    metadata = pq.ParquetFile(path).metadata
    codecs = footer_codecs(path)
    top_types = {field.name: field.type for field in table.schema}
    row_groups = []
    for index in range(metadata.num_row_groups):
        row_group = metadata.row_group(index)
        columns = []
        for column_index in range(row_group.num_columns):
            chunk = row_group.column(column_index)
            entry = {
                "path": chunk.path_in_schema,
                "physical_type": chunk.physical_type,
                "codec": codecs[index][column_index],
                "encodings": list(chunk.encodings),
                "num_values": chunk.num_values,
                "total_compressed_size": chunk.total_compressed_size,
                "total_uncompressed_size": chunk.total_uncompressed_size,
                "data_page_offset": chunk.data_page_offset,
                "dictionary_page_offset": chunk.dictionary_page_offset,
            }
            statistics = chunk.statistics
            # Bounds of nested leaves would need the leaf's Arrow type; flat columns suffice.
            if statistics is not None and "." not in chunk.path_in_schema:
                stats = {
                    "null_count": statistics.null_count if statistics.has_null_count else None,
                    "distinct_count": statistics.distinct_count if statistics.has_distinct_count else None,
                }
                if statistics.has_min_max:
                    column = metadata.schema.column(column_index)
                    arrow_type = top_types[chunk.path_in_schema]
                    stats["min"] = statistic_bound(statistics, "min", arrow_type, column)
                    stats["max"] = statistic_bound(statistics, "max", arrow_type, column)
                else:
                    stats["min"] = stats["max"] = None
                entry["statistics"] = stats
            columns.append(entry)
        row_groups.append({"num_rows": row_group.num_rows, "total_byte_size": row_group.total_byte_size,
                           "columns": columns})
    return {
        "num_rows": metadata.num_rows,
        "created_by": metadata.created_by,
        "num_row_groups": metadata.num_row_groups,
        "num_columns": metadata.num_columns,
        "key_value_metadata": {k.decode(): v.decode() for k, v in (metadata.metadata or {}).items()},
        "row_groups": row_groups,
    }


# ---------------------------------------------------------------- the fixtures


def fixtures():
    """(name, writer, function writing the file at a path and returning the source table)."""
    def pa_fixture(table, **options):
        return lambda path: write_pyarrow(path, table, **options)

    flat = flat_table(120)
    small = small_table(60)
    found = []

    found.append(("pa_plain_v1", "pyarrow", pa_fixture(flat, use_dictionary=False, compression="snappy")))
    found.append(("pa_dict_v2_pages", "pyarrow", pa_fixture(
        flat, data_page_version="2.0", compression="zstd", max_rows_per_page=40)))
    found.append(("pa_decimal_int_v1", "pyarrow", pa_fixture(
        flat.select(["dec9", "dec18", "dec30"]), store_decimal_as_integer=True, compression="none")))
    integer_columns = ["i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "d", "t_ms", "t_us", "ts_ms", "ts_ns"]
    delta = {name: "DELTA_BINARY_PACKED" for name in integer_columns}
    delta.update({"s": "DELTA_LENGTH_BYTE_ARRAY", "json": "DELTA_LENGTH_BYTE_ARRAY",
                  "bin": "DELTA_BYTE_ARRAY", "fixed": "DELTA_BYTE_ARRAY", "b": "RLE"})
    delta_table = flat.select(list(delta))
    found.append(("pa_delta_v2_uncompressed", "pyarrow", pa_fixture(
        delta_table, use_dictionary=False, column_encoding=delta, data_page_version="2.0", compression="none",
        max_rows_per_page=50)))
    found.append(("pa_delta_v1_gzip", "pyarrow", pa_fixture(
        delta_table, use_dictionary=False, column_encoding=delta, compression="gzip")))
    found.append(("pa_delta_byte_array_strings", "pyarrow", pa_fixture(
        flat.select(["s", "json", "uuid"]), use_dictionary=False,
        column_encoding={"s": "DELTA_BYTE_ARRAY", "json": "DELTA_BYTE_ARRAY", "uuid": "DELTA_BYTE_ARRAY"},
        data_page_version="2.0", compression="snappy")))
    split = ["f32", "f64", "i32", "i64", "fixed", "f16", "dec30", "uuid"]
    found.append(("pa_byte_stream_split_brotli", "pyarrow", pa_fixture(
        flat.select(split), use_dictionary=False, column_encoding={name: "BYTE_STREAM_SPLIT" for name in split},
        compression="brotli")))
    for codec in ["none", "snappy", "gzip", "brotli", "zstd", "lz4"]:
        for version in ["1.0", "2.0"]:
            found.append((f"pa_codec_{codec}_v{version[0]}", "pyarrow", pa_fixture(
                small, compression=codec, data_page_version=version, max_rows_per_page=25)))
    found.append(("pa_int96_lz4", "pyarrow", pa_fixture(
        flat.select(["i32", "ts_ms", "ts_us_utc", "ts_ns"]), use_deprecated_int96_timestamps=True, compression="lz4")))
    found.append(("pa_page_index_bloom_crc", "pyarrow", pa_fixture(
        small.append_column("sorted", pa.array(range(60), pa.int64())), write_page_index=True, write_page_checksum=True,
        max_rows_per_page=16, row_group_size=40,
        bloom_filter_options={"s": {"ndv": 64, "fpp": 0.05}, "i64": True, "sorted": True})))
    found.append(("pa_crc_v2_dict", "pyarrow", pa_fixture(
        small, write_page_checksum=True, data_page_version="2.0", compression="snappy", max_rows_per_page=20)))
    found.append(("pa_empty", "pyarrow", pa_fixture(flat.slice(0, 0))))
    found.append(("pa_all_null", "pyarrow", pa_fixture(all_null_table(50), write_page_index=True)))
    nested = nested_table()
    found.append(("pa_nested_v1", "pyarrow", pa_fixture(nested, compression="snappy", max_rows_per_page=15)))
    found.append(("pa_nested_v2_plain", "pyarrow", pa_fixture(
        nested, use_dictionary=False, data_page_version="2.0", compression="zstd", write_page_index=True)))
    found.append(("pa_nested_noncompliant_names", "pyarrow", pa_fixture(
        nested, use_compliant_nested_type=False, compression="none")))

    def legacy(path):
        table = legacy_list_table()
        pq.write_table(table, path, compression="none", use_dictionary=False)
        rewrite_as_legacy_lists(path)
        return table
    found.append(("pa_legacy_lists", "pyarrow (footer rewritten)", legacy))

    found.append(("duckdb_v1_snappy", "duckdb", lambda path: write_duckdb(path, "COMPRESSION snappy, ROW_GROUP_SIZE 50")))
    found.append(("duckdb_v2_zstd", "duckdb", lambda path: write_duckdb(path, "COMPRESSION zstd, PARQUET_VERSION V2")))
    found.append(("duckdb_v1_brotli", "duckdb", lambda path: write_duckdb(path, "COMPRESSION brotli")))
    found.append(("duckdb_v1_gzip", "duckdb", lambda path: write_duckdb(path, "COMPRESSION gzip, ROW_GROUP_SIZE 30")))
    found.append(("duckdb_v1_lz4", "duckdb", lambda path: write_duckdb(path, "COMPRESSION lz4")))
    found.append(("duckdb_v2_uncompressed", "duckdb", lambda path: write_duckdb(path, "COMPRESSION uncompressed, PARQUET_VERSION V2")))

    found.append(("polars_default", "polars", lambda path: write_polars(path, 120)))
    found.append(("polars_lz4_pages", "polars", lambda path: write_polars(
        path, 120, compression="lz4", data_page_size=256, row_group_size=50)))
    found.append(("polars_uncompressed_no_statistics", "polars", lambda path: write_polars(
        path, 40, compression="uncompressed", statistics=False)))
    found.append(("polars_brotli", "polars", lambda path: write_polars(path, 60, compression="brotli")))

    found.append(("fastparquet_plain", "fastparquet", lambda path: write_fastparquet(path, 80)))
    found.append(("fastparquet_int96_snappy", "fastparquet", lambda path: write_fastparquet(
        path, 80, times="int96", compression="SNAPPY", row_group_offsets=[0, 30, 60])))
    found.append(("fastparquet_hadoop_lz4", "fastparquet", lambda path: write_fastparquet(path, 50, compression="LZ4")))
    found.append(("fastparquet_mixed_codecs", "fastparquet", lambda path: write_fastparquet(
        path, 50, compression={"id": "GZIP", "text": "BROTLI", "stamp": "ZSTD", "category": "LZ4_RAW", "_default": "SNAPPY"})))
    return found


def main():
    for entry in os.listdir(HERE):
        if entry.endswith(".parquet") or entry.endswith(".json"):
            os.remove(os.path.join(HERE, entry))
    total = 0
    for name, writer, write in fixtures():
        path = os.path.join(HERE, name + ".parquet")
        source = write(path)
        read = pq.read_table(path)
        check_read_back(name, read, source)
        expected = {"writer": writer, "rows": expected_rows(read), "meta": expected_meta(path, read)}
        with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(expected, f, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
            f.write("\n")
        total += os.path.getsize(path) + os.path.getsize(os.path.join(HERE, name + ".json"))
    print(f"wrote {len(fixtures())} fixtures, {total:,} bytes")
    if total > MAX_TOTAL_BYTES:
        raise SystemExit(f"fixtures total {total:,} bytes, above the {MAX_TOTAL_BYTES:,} budget")


if __name__ == "__main__":
    main()
