"""Write a benchmark workload with pyarrow and print its timing as one JSON line.

Usage:
    bench_pyarrow.py --workload {narrow,object} --codec {none,snappy,bss-zstd,v2-snappy} --rows N
                     --object-json PATH --out FILE

The workload values are generated with numpy before timing starts.  The
timed part builds the pyarrow Table from those arrays and writes it with
``pq.write_table(table, FILE, compression=..., use_dictionary=True,
write_statistics=True)`` and pyarrow's other defaults; ``bss-zstd`` writes
float and double columns with BYTE_STREAM_SPLIT, no dictionary, ZSTD level 3,
and ``v2-snappy`` data page v2 with snappy.  Output:
``{"seconds": s, "rows": n, "input_bytes": b}``.

The value formulas must stay identical to the Swift benchmark's
(Sources/ParquetBench/main.swift); r is the row index from 0, c or k the
column index.
"""

import argparse
import json
import sys
import time
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

NARROW_INT_COLUMNS = 5
NARROW_DOUBLE_COLUMNS = 5
OBJECT_NULL_EVERY = 10
# Input bytes counted per non-null fixed-width value.
VALUE_BYTES = {pa.float64(): 8, pa.int64(): 8, pa.float32(): 4, pa.int32(): 4, pa.bool_(): 1}


@dataclass
class ColumnData:
    """One column's generated values, ready to become a pyarrow array.

    ``mask`` marks null rows (True = null) or is None when there are none.
    """

    name: str
    arrow_type: pa.DataType
    values: np.ndarray
    mask: np.ndarray | None = None

    def input_bytes(self):
        """Bytes of input data: fixed width per non-null value, UTF-8 length per string."""
        present = self.values if self.mask is None else self.values[~self.mask]
        if pa.types.is_string(self.arrow_type):
            return sum(len(s.encode("utf-8")) for s in present)
        return len(present) * VALUE_BYTES[self.arrow_type]


def narrow_columns(rows):
    """i0..i4 INT64 and d0..d4 DOUBLE, all without nulls."""
    r = np.arange(rows, dtype=np.int64)
    columns = []
    for k in range(NARROW_INT_COLUMNS):
        values = (r * 2654435761 + k * 97) % 2**32 - 2**31
        columns.append(ColumnData(f"i{k}", pa.int64(), values))
    for k in range(NARROW_DOUBLE_COLUMNS):
        values = ((r * 40503 + k * 7919) % 65536).astype(np.float64) / 64.0
        columns.append(ColumnData(f"d{k}", pa.float64(), values))
    return columns


def object_column(c, name, datatype, rows):
    """Values of object-workload column number ``c`` (0-based over all columns)."""
    r = np.arange(rows, dtype=np.int64)
    scaled = ((r * 7919 + c * 104729) % 1000003).astype(np.float64) * 1e-4
    if datatype == "double":
        return ColumnData(name, pa.float64(), scaled, mask=(r + c) % OBJECT_NULL_EVERY == 0)
    if datatype == "float":
        return ColumnData(name, pa.float32(), scaled.astype(np.float32))
    if datatype == "boolean":
        return ColumnData(name, pa.bool_(), (r * 31 + c) % 50 == 0)
    if datatype == "int":
        return ColumnData(name, pa.int32(), ((r * 131 + c) % 100000).astype(np.int32))
    if datatype == "long":
        return ColumnData(name, pa.int64(), r * 1000 + c)
    if datatype == "char":
        strings = np.array([f"v{v}" for v in ((r * 17 + c) % 5000).tolist()], dtype=object)
        return ColumnData(name, pa.string(), strings)
    raise ValueError(f"unsupported datatype {datatype!r} in column {name}")


def object_columns(rows, object_json):
    """One column per entry of the DP0.2 Object ``columnTypes``."""
    with open(object_json, encoding="utf-8") as f:
        column_types = json.load(f)["columnTypes"]
    return [object_column(c, t["name"], t["datatype"], rows) for c, t in enumerate(column_types)]


def build_table(columns):
    """The pyarrow Table of ``columns``; every field nullable (OPTIONAL)."""
    arrays = [pa.array(col.values, type=col.arrow_type, mask=col.mask) for col in columns]
    schema = pa.schema([pa.field(col.name, col.arrow_type, nullable=True) for col in columns])
    return pa.Table.from_arrays(arrays, schema=schema)


def timed_write(columns, out, codec):
    """Build the table and write it; return the elapsed seconds."""
    options = {"compression": codec, "use_dictionary": True}
    if codec == "bss-zstd":
        floating = [c.name for c in columns if c.arrow_type in (pa.float64(), pa.float32())]
        options = {"compression": "zstd", "compression_level": 3, "use_dictionary": False,
                   "use_byte_stream_split": floating}
    elif codec == "v2-snappy":
        options = {"compression": "snappy", "use_dictionary": True, "data_page_version": "2.0"}
    start = time.perf_counter()
    table = build_table(columns)
    pq.write_table(table, out, write_statistics=True, **options)
    return time.perf_counter() - start


def parse_arguments(argv):
    """Command-line arguments."""
    parser = argparse.ArgumentParser(description="Time pyarrow writing a benchmark workload.")
    parser.add_argument("--workload", choices=("narrow", "object"), required=True)
    parser.add_argument("--codec", choices=("none", "snappy", "bss-zstd", "v2-snappy"), required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--object-json", help="DP0.2 Object TAP envelope (object workload)")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    if args.workload == "object" and not args.object_json:
        parser.error("--object-json is required for the object workload")
    return args


def main(argv):
    """Generate, time, and print the JSON result line."""
    args = parse_arguments(argv)
    if args.workload == "narrow":
        columns = narrow_columns(args.rows)
    else:
        columns = object_columns(args.rows, args.object_json)
    seconds = timed_write(columns, args.out, args.codec)
    input_bytes = sum(col.input_bytes() for col in columns)
    print(json.dumps({"seconds": seconds, "rows": args.rows, "input_bytes": input_bytes}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
