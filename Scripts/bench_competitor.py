"""Write DP0.2 Object rows (Scripts/object_values.py) with one Python writer; time the write only.

Usage:
    bench_competitor.py --writer {pyarrow,polars,duckdb,service} --object-json PATH --rows N --out FILE
                        [--codec snappy|zstd|none]

Writers (all get the same values as voparquet-bench, which Scripts/bench_engine.py
checks):

* ``pyarrow``: ``pq.write_table(table, FILE, compression=C)``, pyarrow's other
  defaults (dictionary on, statistics on);
* ``polars``: ``DataFrame.write_parquet(FILE, compression=C)`` of
  ``pl.from_arrow(table)``, polars' other defaults;
* ``duckdb``: ``COPY object_rows TO 'FILE' (FORMAT parquet, COMPRESSION C)``,
  the Arrow table registered in DuckDB as ``object_rows``, DuckDB's defaults;
* ``service``: the current TAP service's path.  Rows arrive as Python tuples,
  2,000 at a time, as from a database cursor's ``fetchmany``; each batch is
  turned into Arrow arrays column by column (``pa.array(values, type)``) and
  written with ``pq.ParquetWriter(FILE, schema, compression="snappy",
  use_dictionary=False).write_batch``.  Only snappy.

For the first three, the whole table is generated and built as Arrow arrays
before timing starts (that is not the writer's work); for ``service``, making each
batch's tuples is excluded, turning them into Arrow and writing is timed, and
so are opening and closing the file.  Prints one JSON line:
``{"seconds": s, "rows": n, "rss_before_write": bytes}``, the last being this
process's RSS when the timed part began (the data held in memory by then).
"""

import argparse
import json
import sys
import time

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

import object_values as ov

ARROW_TYPES = {"double": pa.float64(), "float": pa.float32(), "boolean": pa.bool_(), "int": pa.int32(),
               "long": pa.int64(), "char": pa.string()}
# Batch size of the service's cursor.
SERVICE_BATCH_ROWS = 2000
WRITERS = ("pyarrow", "polars", "duckdb", "service")
CODECS = ("snappy", "zstd", "none")


def arrow_schema(column_types):
    """Every column OPTIONAL, as VOParquet maps the FIELDs."""
    return pa.schema([pa.field(c["name"], ARROW_TYPES[c["datatype"]], nullable=True) for c in column_types])


def arrow_table(column_types, rows):
    """The whole table of ``rows`` rows as Arrow arrays (numpy values freed column by column)."""
    r = ov.row_range(0, rows)
    schema = arrow_schema(column_types)
    arrays = []
    for c, (column, field) in enumerate(zip(column_types, schema)):
        values, mask = ov.column_values(c, column, r)
        arrays.append(pa.array(values, type=field.type, mask=mask))
    return pa.Table.from_arrays(arrays, schema=schema)


def batch_tuples(column_types, first, rows):
    """Rows first ..< first + rows as tuples of Python values (None for null)."""
    r = ov.row_range(first, rows)
    columns = []
    for c, column in enumerate(column_types):
        values, mask = ov.column_values(c, column, r)
        cells = values.tolist()
        if mask is not None:
            for index in np.flatnonzero(mask).tolist():
                cells[index] = None
        columns.append(cells)
    return list(zip(*columns))


def resident_bytes():
    """This process's RSS now (VmRSS)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return -1


def write_service(column_types, rows, out):
    """The service's path; returns (timed seconds, RSS when timing began)."""
    schema = arrow_schema(column_types)
    rss = resident_bytes()
    elapsed = 0.0
    start = time.perf_counter()
    writer = pq.ParquetWriter(out, schema, compression="snappy", use_dictionary=False)
    elapsed += time.perf_counter() - start
    for first in range(0, rows, SERVICE_BATCH_ROWS):
        tuples = batch_tuples(column_types, first, min(SERVICE_BATCH_ROWS, rows - first))
        start = time.perf_counter()
        arrays = [pa.array(values, type=field.type) for values, field in zip(zip(*tuples), schema)]
        writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=schema))
        elapsed += time.perf_counter() - start
    start = time.perf_counter()
    writer.close()
    return elapsed + time.perf_counter() - start, rss


def write_table(writer, column_types, rows, out, codec):
    """pyarrow, polars or DuckDB writing the prepared table; returns (seconds, RSS when timing began)."""
    table = arrow_table(column_types, rows)
    compression = "uncompressed" if codec == "none" else codec
    if writer == "pyarrow":
        def timed():
            pq.write_table(table, out, compression=compression)
    elif writer == "polars":
        import polars as pl
        frame = pl.from_arrow(table)

        def timed():
            frame.write_parquet(out, compression=compression)
    else:
        import duckdb
        connection = duckdb.connect()
        connection.register("object_rows", table)
        quoted = out.replace("'", "''")

        def timed():
            connection.execute(f"COPY object_rows TO '{quoted}' (FORMAT parquet, COMPRESSION {compression})")
    rss = resident_bytes()
    start = time.perf_counter()
    timed()
    return time.perf_counter() - start, rss


def main(argv):
    """Parse arguments, write, print the timing line."""
    parser = argparse.ArgumentParser(description="Time one Python writer on the DP0.2 Object workload.")
    parser.add_argument("--writer", choices=WRITERS, required=True)
    parser.add_argument("--object-json", required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--codec", choices=CODECS, default="snappy")
    args = parser.parse_args(argv)
    column_types = ov.load_column_types(args.object_json)
    if args.writer == "service":
        if args.codec != "snappy":
            parser.error("the service writes snappy only")
        seconds, rss = write_service(column_types, args.rows, args.out)
    else:
        seconds, rss = write_table(args.writer, column_types, args.rows, args.out, args.codec)
    print(json.dumps({"seconds": seconds, "rows": args.rows, "rss_before_write": rss}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
