"""Write DP0.2 Object rows with pyarrow the way the current TAP service does.

Usage:
    bench_pyarrow_service.py --object-json PATH --rows N --out FILE

Rows go to ``pq.ParquetWriter(FILE, schema, compression="snappy",
use_dictionary=False)`` in 2,000-row record batches.  The values are those of
Scripts/make_object_votable.py (the same rows voparquet converts).  Generating a
batch's numpy values is not timed; building its Arrow arrays and writing it is.
Prints ``{"seconds": s, "rows": n}``.
"""

import argparse
import json
import sys
import time

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from make_object_votable import BATCH_ROWS, column_values

ARROW_TYPES = {"double": pa.float64(), "float": pa.float32(), "boolean": pa.bool_(), "int": pa.int32(),
               "long": pa.int64(), "char": pa.string()}


def batch_columns(column_types, first_row, rows):
    """numpy values (and null masks) of one batch, as the database would hand them over."""
    r = np.arange(first_row, first_row + rows, dtype=np.int64)
    columns = []
    for c, column in enumerate(column_types):
        values, mask = column_values(c, column["datatype"], r)
        if column["datatype"] == "boolean":
            values = values == b"T"
        elif column["datatype"] == "char":
            values = np.array([text.decode() for text in values], dtype=object)
        columns.append((values, mask))
    return columns


def write(object_json, rows, out):
    """Write the file; return the seconds spent in Arrow and Parquet."""
    with open(object_json, encoding="utf-8") as f:
        column_types = json.load(f)["columnTypes"]
    schema = pa.schema([pa.field(c["name"], ARROW_TYPES[c["datatype"]], nullable=True) for c in column_types])
    elapsed = 0.0
    with pq.ParquetWriter(out, schema, compression="snappy", use_dictionary=False) as writer:
        for first in range(0, rows, BATCH_ROWS):
            columns = batch_columns(column_types, first, min(BATCH_ROWS, rows - first))
            start = time.perf_counter()
            arrays = [pa.array(values, type=field.type, mask=mask) for (values, mask), field in zip(columns, schema)]
            writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=schema))
            elapsed += time.perf_counter() - start
    return elapsed


def main(argv):
    """Parse arguments, write, print the timing line."""
    parser = argparse.ArgumentParser(description="pyarrow writing DP0.2 Object rows like the TAP service.")
    parser.add_argument("--object-json", required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    seconds = write(args.object_json, args.rows, args.out)
    print(json.dumps({"seconds": seconds, "rows": args.rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
