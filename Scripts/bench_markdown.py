"""Print the tables of Docs/benchmarks.md (the VOParquet write path) as Markdown, from the saved JSON.

Usage:
    bench_markdown.py --engine .build/bench/engine.json --convert .build/bench/convert.json

`make bench-engine` saves both files (Scripts/bench_engine.py --json and
Scripts/bench_voparquet.py --json); this prints the same figures as their
tables, so that they can be pasted into Docs/benchmarks.md without retyping.
"""

import argparse
import json
import sys

MB = 1_000_000


def table(header, rows):
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def writing(writes):
    """Part 1: every writer at every size."""
    rows = []
    for r in writes:
        same_size = {other["writer"]: other for other in writes if other["rows"] == r["rows"]}
        rows.append([f"{r['rows']:,}", r["writer"], r["settings"], f"{r['seconds']:.3f}", f"{r['rows_per_second']:,.0f}",
                     f"{same_size['polars']['seconds'] / r['seconds']:.2f}",
                     f"{same_size['service']['seconds'] / r['seconds']:.2f}", f"{r['peak_rss_bytes'] / MB:.1f}",
                     f"{r['data_rss_bytes'] / MB:.1f}" if r["data_rss_bytes"] else "", f"{r['file_bytes'] / MB:.1f}"])
    return table(["rows", "writer", "settings", "s", "rows/s", "× polars", "× service", "peak RSS MB",
                  "RSS at write start MB", "file MB"], rows)


def library(result):
    """Part 2: the files written in one process."""
    rows = [[line["file"], f"{line['seconds']:.2f}", f"{line['rss_before'] / MB:.1f}", f"{line['rss_after'] / MB:.1f}",
             f"{line['peak_rss'] / MB:.1f}"] for line in result["files"]]
    return table(["file", "s", "RSS before MB", "RSS after MB", "peak RSS so far MB"], rows)


def flatness(results):
    """Part 3: memory across sizes."""
    rows = [[f"{r['rows']:,}", f"{r['seconds']:.2f}", f"{r['peak_rss_bytes'] / MB:.1f}", r["row_groups"],
             f"{r['footer_bytes'] / MB:.2f}", f"{r['bytes'] / MB:.1f}"] for r in results]
    return table(["rows", "s", "peak RSS MB", "row groups", "footer MB", "file MB"], rows)


def reading(result):
    """Part 4: the two layouts and the speed-ups."""
    rows = []
    for name in ("small", "large"):
        r = result[name]
        rows.append([name, r["row_groups"], f"{r['footer_bytes'] / MB:.2f}", f"{r['bytes'] / MB:.1f}",
                     f"{r['pyarrow_open'] * 1000:.1f}", f"{r['pyarrow_read_column']:.3f}", f"{r['duckdb_avg']:.3f}"])
    speedup = result["speedup"]
    rows.append(["speed-up", "", "", "", f"{speedup['pyarrow_open']:.1f}×", f"{speedup['pyarrow_read_column']:.1f}×",
                 f"{speedup['duckdb_avg']:.1f}×"])
    return table(["layout", "row groups", "footer MB", "file MB", "pyarrow open ms", "pyarrow one column s",
                  "DuckDB avg s"], rows)


def conversion(records):
    """voparquet convert and the service's path."""
    rows = []
    for r in records:
        rate = f"{r['input_bytes'] / MB / r['seconds']:.1f}" if r["input_bytes"] else ""
        rows.append([f"{r['rows']:,}", r["writer"], r["settings"], f"{r['seconds']:.2f}", f"{r['rows'] / r['seconds']:,.0f}",
                     rate, f"{r['peak_rss_bytes'] / MB:.1f}", r["row_groups"], f"{r['footer_bytes'] / MB:.2f}",
                     f"{r['bytes'] / MB:.1f}"])
    return table(["rows", "writer", "settings", "s", "rows/s", "VOTable MB/s", "peak RSS MB", "row groups", "footer MB",
                  "file MB"], rows)


def main(argv):
    """Print every table with a heading."""
    parser = argparse.ArgumentParser(description="Markdown tables of the VOParquet write-path benchmark.")
    parser.add_argument("--engine", required=True)
    parser.add_argument("--convert", required=True)
    args = parser.parse_args(argv)
    with open(args.engine, encoding="utf-8") as f:
        engine = json.load(f)
    with open(args.convert, encoding="utf-8") as f:
        records = json.load(f)
    print(f"### Writing\n\n{writing(engine['writes'])}\n")
    print(f"### Library path\n\n{library(engine['library'])}\n")
    print(f"### Memory across sizes\n\n{flatness(engine['flatness'])}\n")
    print(f"### Reading ({engine['reading']['rows']:,} rows, column {engine['reading']['column']})\n\n"
          f"{reading(engine['reading'])}\n")
    print(f"### voparquet convert\n\n{conversion(records)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
