"""The four Parquet readers, each returning {column: [value per row]} in the
canonical form of expectations.py; TIMESTAMP columns as integer microseconds."""

import duckdb
import fastparquet
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from expectations import canonical


def read_pyarrow(path):
    """pyarrow, timestamps cast to their int64 microseconds."""
    table = pq.read_table(path)
    result = {}
    for name, column in zip(table.column_names, table.columns):
        if pa.types.is_timestamp(column.type):
            column = column.cast(pa.int64())
        result[name] = [canonical(value) for value in column.to_pylist()]
    return result


def read_duckdb(path):
    """DuckDB, timestamps through epoch_us."""
    connection = duckdb.connect()
    relation = connection.sql(f"SELECT * FROM read_parquet('{path}')")
    expressions = []
    for name, kind in zip(relation.columns, relation.types):
        quoted = '"' + name.replace('"', '""') + '"'
        expressions.append(f"epoch_us({quoted})" if str(kind).startswith("TIMESTAMP") else quoted)
    rows = connection.sql(f"SELECT {', '.join(expressions)} FROM read_parquet('{path}')").fetchall()
    return {name: [canonical(row[index]) for row in rows] for index, name in enumerate(relation.columns)}


def read_polars(path):
    """polars, timestamps through dt.epoch('us')."""
    frame = pl.read_parquet(path)
    result = {}
    for name in frame.columns:
        series = frame[name]
        if isinstance(series.dtype, pl.Datetime):
            series = series.dt.epoch("us")
        result[name] = [canonical(value) for value in series.to_list()]
    return result


def read_fastparquet(path):
    """fastparquet through pandas. Its float columns hold nulls as NaN (see
    NULL_AS_NAN), timestamps come as pandas Timestamps."""
    frame = fastparquet.ParquetFile(path).to_pandas()
    result = {}
    for name in frame.columns:
        values = []
        for value in frame[name].tolist():
            if value is None or (hasattr(value, "value") and str(value) == "NaT"):
                values.append(None)
            elif hasattr(value, "value") and hasattr(value, "tz_convert"):
                values.append(value.value // 1000)
            elif type(value).__name__ == "NAType":
                values.append(None)
            else:
                values.append(canonical(value))
        result[name] = values
    return result


READERS = {"pyarrow": read_pyarrow, "duckdb": read_duckdb, "polars": read_polars, "fastparquet": read_fastparquet}


def null_as_nan(reader, column):
    """Whether the reader cannot tell a null from NaN in this column: fastparquet
    reads OPTIONAL FLOAT/DOUBLE columns into float arrays with NaN for null."""
    return (reader == "fastparquet" and column["datatype"] in ("float", "double")
            and column["arraysize"] is None)
