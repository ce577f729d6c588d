"""Read a Parquet file with pyarrow's read_table and print its timing as one JSON line.

Usage:
    bench_pyarrow_read.py --file PATH

Times ``pq.read_table(PATH)`` with pyarrow's defaults (threads on), after an
untimed read of one column so that pyarrow's one-time start-up (thread pool,
memory pool) is not counted, and prints
``{"seconds": s, "rows": n, "input_bytes": b}``, where ``input_bytes`` is the
total uncompressed size of the file's column chunks, as parquet-read-bench
reports it.
"""

import argparse
import json
import sys
import time

import pyarrow.parquet as pq


def main(argv):
    """Time one read of the file."""
    parser = argparse.ArgumentParser(description="Time pyarrow's read_table on one file.")
    parser.add_argument("--file", required=True)
    args = parser.parse_args(argv)
    pq.read_table(args.file, columns=[pq.ParquetFile(args.file).schema_arrow.names[0]])
    start = time.perf_counter()
    table = pq.read_table(args.file)
    seconds = time.perf_counter() - start
    metadata = pq.ParquetFile(args.file).metadata
    uncompressed = sum(metadata.row_group(g).column(c).total_uncompressed_size
                       for g in range(metadata.num_row_groups) for c in range(metadata.num_columns))
    print(json.dumps({"seconds": seconds, "rows": table.num_rows, "input_bytes": uncompressed}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
