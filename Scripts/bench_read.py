"""Time what readers pay for a VOParquet file's layout: two files of the same table compared.

Usage:
    bench_read.py --small FILE --large FILE [--column g_psfFlux] [--repeat 5]

For each file (after one untimed pass of everything, so both are in the page
cache): pyarrow opening it (``pq.ParquetFile(F).metadata``: reading and parsing
the footer), pyarrow reading one column (``pq.read_table(F, columns=[C])``), and
DuckDB's ``SELECT avg(C) FROM read_parquet(F)``, best of --repeat each.  Both
files must hold the same values of C (DuckDB's averages agree to 1e-9, the
summation order following the row groups).  Prints
one JSON line: the layout and times of each file and the speed-ups (small-file
seconds / large-file seconds; above 1 means the large row groups are faster).
"""

import argparse
import json
import math
import sys
import time

import duckdb
import pyarrow.parquet as pq

from parquet_layout import layout


def best_seconds(action, repeat):
    """The shortest of ``repeat`` timed calls of ``action``, and its last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def measure(path, column, repeat):
    """Layout and best times of one file."""
    connection = duckdb.connect()
    quoted = path.replace("'", "''")
    actions = {
        "pyarrow_open": lambda: pq.ParquetFile(path).metadata.num_rows,
        "pyarrow_read_column": lambda: pq.read_table(path, columns=[column]).num_rows,
        "duckdb_avg": lambda: connection.execute(f'SELECT avg("{column}") FROM read_parquet(\'{quoted}\')').fetchone()[0],
    }
    for action in actions.values():
        action()
    result = layout(path)
    for name, action in actions.items():
        result[name], value = best_seconds(action, repeat)
        if name == "duckdb_avg":
            result["average"] = value
    return result


def main(argv):
    """Measure both files; print the JSON line."""
    parser = argparse.ArgumentParser(description="Compare reading two layouts of the same table.")
    parser.add_argument("--small", required=True, help="the file with small row groups")
    parser.add_argument("--large", required=True, help="the file with large row groups")
    parser.add_argument("--column", default="g_psfFlux")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    small, large = measure(args.small, args.column, args.repeat), measure(args.large, args.column, args.repeat)
    if not math.isclose(small["average"], large["average"], rel_tol=1e-9) or small["rows"] != large["rows"]:
        print(f"BENCHMARK FAILED: the files differ: {small['rows']} rows, avg {small['average']} versus "
              f"{large['rows']} rows, avg {large['average']}", file=sys.stderr)
        return 1
    speedup = {name: small[name] / large[name] for name in ("pyarrow_open", "pyarrow_read_column", "duckdb_avg")}
    print(json.dumps({"column": args.column, "small": small, "large": large, "speedup": speedup}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
