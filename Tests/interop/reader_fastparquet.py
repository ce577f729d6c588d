"""Interop checks with fastparquet: pandas dtypes and values via to_pandas()."""

import fastparquet
import numpy as np
import pandas as pd

from canonical import UNIT_NAMES, ReadResult, bytes_value, declared_unit, physical_value, rescale
from spec import type_key

NAME = "fastparquet"

# str(dtype) fastparquet 2026.9.0 (with pandas 3.1.1) returns for each
# declared type, as (column without nulls, column with nulls), pinned by
# experiment.  fastparquet picks a pandas nullable dtype (Int8, boolean, ...)
# only when some non-empty row group's statistics report nulls (or lack a
# null count), whatever the repetition; this table assumes the writer records
# null counts.  fastparquet decides mostly from the legacy ConvertedType, so
# the table also assumes the writer sets the ConvertedType that the Parquet
# spec pairs with the logical type (INT_8 for INTEGER(8, signed),
# TIME_MILLIS for TIME(MILLIS, UTC), ...) and none where there is none.
TYPE_TABLE = {
    "BOOLEAN": ("bool", "boolean"),
    "INT8": ("int8", "Int8"),
    "INT16": ("int16", "Int16"),
    "INT32": ("int32", "Int32"),          # plain INT32 and INTEGER(32, signed)
    "INT64": ("int64", "Int64"),          # plain INT64 and INTEGER(64, signed)
    "UINT8": ("uint8", "UInt8"),
    "UINT16": ("uint16", "UInt16"),
    "UINT32": ("uint32", "UInt32"),
    "UINT64": ("uint64", "UInt64"),
    "FLOAT": ("float32", "float32"),      # nulls become NaN, see limitations.py
    "DOUBLE": ("float64", "float64"),
    "FLOAT16": ("object", "object"),      # raw bytes, see limitations.py
    "BYTE_ARRAY": ("object", "object"),
    "FIXED_LEN_BYTE_ARRAY": ("object", "object"),
    "STRING": ("object", "object"),       # requested explicitly, see read()
    "ENUM": ("object", "object"),         # raw bytes, see limitations.py
    "JSON": ("object", "object"),         # parsed JSON, see limitations.py
    "UUID": ("object", "object"),         # raw bytes, see limitations.py
    "DATE": ("datetime64[ns]", "datetime64[ns]"),
    "TIME_MILLIS_LOCAL": ("int32", "Int32"),    # no ConvertedType: raw integers
    "TIME_MICROS_LOCAL": ("int64", "Int64"),
    "TIME_NANOS_LOCAL": ("int64", "Int64"),
    "TIME_NANOS_UTC": ("int64", "Int64"),
    "TIME_MILLIS_UTC": ("timedelta64[ms]", "timedelta64[ms]"),
    "TIME_MICROS_UTC": ("timedelta64[us]", "timedelta64[us]"),
    "TIMESTAMP_MILLIS_LOCAL": ("datetime64[ms]", "datetime64[ms]"),
    "TIMESTAMP_MILLIS_UTC": ("datetime64[ms]", "datetime64[ms]"),  # time zone dropped
    "TIMESTAMP_MICROS_LOCAL": ("datetime64[us]", "datetime64[us]"),
    "TIMESTAMP_MICROS_UTC": ("datetime64[us]", "datetime64[us]"),
    "TIMESTAMP_NANOS_LOCAL": ("datetime64[ns]", "datetime64[ns]"),
    "TIMESTAMP_NANOS_UTC": ("datetime64[ns]", "datetime64[ns]"),
    "DECIMAL": ("float64", "float64"),    # see limitations.py
    "DECIMAL_WIDE": ("float64", "float64"),
}
# dtype of a LIST column: an object column holding a Python list per row.
LIST_DTYPE = "object"


def expected_type(column):
    """Type text fastparquet should report for ``column``, or None if unpinned."""
    pair = TYPE_TABLE.get(type_key(column))
    if pair is None:
        return None
    if column.is_list:
        return LIST_DTYPE
    return pair[1] if any(v is None for v in column.values) else pair[0]


def _temporal_values(column, series):
    """Canonical values of a datetime64/timedelta64 series via its int64 view."""
    unit = UNIT_NAMES[np.datetime_data(series.dtype)[0]]
    counts = series.to_numpy().view("i8").tolist()
    missing = series.isna().tolist()
    convert = column.kind in ("DATE", "TIME", "TIMESTAMP")
    return [None if gap else (rescale(c, unit, declared_unit(column)) if convert else c)
            for c, gap in zip(counts, missing)]


def _object_value(column, value):
    """Canonical value of one element of an object column."""
    if value is None:
        return None
    if isinstance(value, bytes):
        if column.physical_type == "FIXED_LEN_BYTE_ARRAY" and column.type_length:
            # numpy 'S' arrays drop trailing NUL bytes; restore them.
            value = value.ljust(column.type_length, b"\x00")
        return bytes_value(column, value)
    return value


def _extension_values(series):
    """Python values of a pandas nullable integer or boolean series."""
    convert = bool if series.dtype == "boolean" else int
    return [None if pd.isna(v) else convert(v) for v in series.array]


def _list_element_value(column, value):
    """Canonical value of one element of a list, whichever form fastparquet gave it in.

    Elements from dictionary pages are converted like flat columns
    (datetime64, timedelta64, float64 decimals, parsed JSON, ...); elements
    from PLAIN pages are raw physical values (integers, bytes), decoded here.
    """
    if isinstance(value, (np.datetime64, np.timedelta64)):
        count = int(value.astype("int64"))
        unit = UNIT_NAMES[np.datetime_data(value.dtype)[0]]
        return rescale(count, unit, declared_unit(column)) \
            if column.kind in ("DATE", "TIME", "TIMESTAMP") else count
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return physical_value(column, int(value))
    return _object_value(column, value)


def _list_value(column, value, depth):
    """Canonical value of one row of a LIST column nested ``depth`` lists deep.

    Anything but a list where a list belongs is returned unchanged, so the
    comparison reports it.
    """
    if depth == 0:
        return _list_element_value(column, value)
    if not isinstance(value, list):
        return value
    return [_list_value(column, element, depth - 1) for element in value]


def canonical_values(column, series):
    """Canonical values of one pandas Series returned by fastparquet."""
    dtype = series.dtype
    if column.is_list and dtype == object:
        return [_list_value(column, v, len(column.list_levels)) for v in series.tolist()]
    if dtype.kind in "mM":
        return _temporal_values(column, series)
    if isinstance(dtype, pd.api.extensions.ExtensionDtype):
        return _extension_values(series)
    if dtype == object:
        return [_object_value(column, v) for v in series.tolist()]
    return series.tolist()


def read(path, columns_by_name, skip):
    """Read ``path`` with fastparquet, leaving out the column names in ``skip``."""
    parquet_file = fastparquet.ParquetFile(path)
    names = [n for n in parquet_file.columns if n not in skip]
    # Passing fastparquet's own dtypes explicitly keeps STRING columns on its
    # object-array path; see the STRING entry in limitations.py.
    frame = parquet_file.to_pandas(columns=names,
                                   dtypes={n: parquet_file.dtypes[n] for n in names})
    types = {name: str(frame[name].dtype) for name in frame.columns}
    values = {name: canonical_values(columns_by_name[name], frame[name])
              for name in frame.columns if name in columns_by_name}
    return ReadResult(len(frame), list(frame.columns), types, values)
