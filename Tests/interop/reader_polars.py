"""Interop checks with polars: column dtypes and values via read_parquet."""

import polars as pl

from canonical import UNIT_NAMES, ReadResult, bytes_value, decimal_text, declared_unit, rescale
from spec import map_leaves, type_key

NAME = "polars"

# repr() of the dtype polars 2.1.0 returns for each declared type, pinned by
# experiment.
TYPE_TABLE = {
    "BOOLEAN": "Boolean",
    "INT8": "Int8",
    "INT16": "Int16",
    "INT32": "Int32",                     # plain INT32 and INTEGER(32, signed)
    "INT64": "Int64",                     # plain INT64 and INTEGER(64, signed)
    "UINT8": "UInt8",
    "UINT16": "UInt16",
    "UINT32": "UInt32",
    "UINT64": "UInt64",
    "FLOAT": "Float32",
    "DOUBLE": "Float64",
    "FLOAT16": "Float16",
    "BYTE_ARRAY": "Binary",
    "FIXED_LEN_BYTE_ARRAY": "Binary",
    "STRING": "String",
    "ENUM": "String",
    "JSON": "Binary",                     # see limitations.py
    "UUID": "Binary",                     # see limitations.py
    "DATE": "Date",
    "TIME_MILLIS_LOCAL": "Time",          # polars Time is always nanoseconds
    "TIME_MILLIS_UTC": "Time",
    "TIME_MICROS_LOCAL": "Time",
    "TIME_MICROS_UTC": "Time",
    "TIME_NANOS_LOCAL": "Time",
    "TIME_NANOS_UTC": "Time",
    "TIMESTAMP_MILLIS_LOCAL": "Datetime(time_unit='ms', time_zone=None)",
    "TIMESTAMP_MILLIS_UTC": "Datetime(time_unit='ms', time_zone='UTC')",
    "TIMESTAMP_MICROS_LOCAL": "Datetime(time_unit='us', time_zone=None)",
    "TIMESTAMP_MICROS_UTC": "Datetime(time_unit='us', time_zone='UTC')",
    "TIMESTAMP_NANOS_LOCAL": "Datetime(time_unit='ns', time_zone=None)",
    "TIMESTAMP_NANOS_UTC": "Datetime(time_unit='ns', time_zone='UTC')",
    "DECIMAL": "Decimal(precision={precision}, scale={scale})",
    # DECIMAL_WIDE: polars cannot read it at all, see limitations.py.
}
# repr() of the dtype of one LIST level around its element's dtype.
LIST_TEMPLATE = "List({element})"


def expected_type(column):
    """Type text polars should report for ``column``, or None if unpinned."""
    template = TYPE_TABLE.get(type_key(column))
    if template is None:
        return None
    lt = column.logical_type or {}
    text = template.format(precision=lt.get("precision"), scale=lt.get("scale"))
    for _ in column.list_levels:
        text = LIST_TEMPLATE.format(element=text)
    return text


def _temporal_unit(dtype):
    """Unit of the physical integers behind a polars temporal dtype, else None."""
    if dtype == pl.Date:
        return "DAYS"
    if dtype == pl.Time:
        return "NANOS"
    if isinstance(dtype, pl.Datetime):
        return UNIT_NAMES[dtype.time_unit]
    return None


def _leaf_dtype(dtype):
    """(dtype of the leaves, list depth) of a possibly nested List dtype."""
    depth = 0
    while isinstance(dtype, pl.List):
        dtype, depth = dtype.inner, depth + 1
    return dtype, depth


def _leaf_conversion(column, dtype):
    """Function from one leaf value as fetched to its canonical value.

    Temporal and decimal leaves are fetched as their physical integers.
    """
    unit = _temporal_unit(dtype)
    if unit is not None:
        if column.kind not in ("DATE", "TIME", "TIMESTAMP"):
            return lambda count: count
        return lambda count: None if count is None else rescale(count, unit, declared_unit(column))
    if isinstance(dtype, pl.Decimal):
        return lambda unscaled: None if unscaled is None else decimal_text(unscaled, dtype.scale)
    if dtype == pl.Binary:
        return lambda raw: None if raw is None else bytes_value(column, raw)
    if dtype.is_float():
        return lambda value: None if value is None else float(value)
    return lambda value: value


def canonical_values(column, series):
    """Canonical values of one polars Series, using physical integers for temporals and decimals.

    A List series gives nested Python lists whose leaves are converted alike.
    """
    dtype, depth = _leaf_dtype(series.dtype)
    physical = _temporal_unit(dtype) is not None or isinstance(dtype, pl.Decimal)
    values = (series.to_physical() if physical else series).to_list()
    convert = _leaf_conversion(column, dtype)
    return [map_leaves(value, depth, convert) for value in values]


def read(path, columns_by_name, skip):
    """Read ``path`` with polars, leaving out the column names in ``skip``."""
    names = [n for n in pl.read_parquet_schema(path) if n not in skip]
    frame = pl.read_parquet(path, columns=names)
    types = {name: repr(dtype) for name, dtype in frame.schema.items()}
    values = {name: canonical_values(columns_by_name[name], frame[name])
              for name in frame.columns if name in columns_by_name}
    # Counted apart: a frame of no columns (every one left out) has no rows.
    num_rows = pl.scan_parquet(path).select(pl.len()).collect().item()
    return ReadResult(num_rows, list(frame.columns), types, values)
