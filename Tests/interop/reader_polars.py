"""Interop checks with polars: column dtypes and values via read_parquet."""

import polars as pl

from canonical import UNIT_NAMES, ReadResult, bytes_value, decimal_text, declared_unit, rescale
from spec import type_key

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


def expected_type(column):
    """Type text polars should report for ``column``, or None if unpinned."""
    template = TYPE_TABLE.get(type_key(column))
    if template is None:
        return None
    lt = column.logical_type or {}
    return template.format(precision=lt.get("precision"), scale=lt.get("scale"))


def _temporal_unit(dtype):
    """Unit of the physical integers behind a polars temporal dtype, else None."""
    if dtype == pl.Date:
        return "DAYS"
    if dtype == pl.Time:
        return "NANOS"
    if isinstance(dtype, pl.Datetime):
        return UNIT_NAMES[dtype.time_unit]
    return None


def canonical_values(column, series):
    """Canonical values of one polars Series, using physical integers for temporals."""
    dtype = series.dtype
    unit = _temporal_unit(dtype)
    if unit is not None:
        counts = series.to_physical().to_list()
        if column.kind not in ("DATE", "TIME", "TIMESTAMP"):
            return counts
        return [None if c is None else rescale(c, unit, declared_unit(column)) for c in counts]
    if isinstance(dtype, pl.Decimal):
        return [None if v is None else decimal_text(v, dtype.scale)
                for v in series.to_physical().to_list()]
    if dtype == pl.Binary:
        return [None if v is None else bytes_value(column, v) for v in series.to_list()]
    if dtype.is_float():
        return [None if v is None else float(v) for v in series.to_list()]
    return series.to_list()


def read(path, columns_by_name, skip):
    """Read ``path`` with polars, leaving out the column names in ``skip``."""
    names = [n for n in pl.read_parquet_schema(path) if n not in skip]
    frame = pl.read_parquet(path, columns=names)
    types = {name: repr(dtype) for name, dtype in frame.schema.items()}
    values = {name: canonical_values(columns_by_name[name], frame[name])
              for name in frame.columns if name in columns_by_name}
    return ReadResult(frame.height, list(frame.columns), types, values)
