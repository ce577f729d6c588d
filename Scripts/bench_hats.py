"""Benchmark `voparquet hats` against hats-import on the same generated sky.

Usage:
    bench_hats.py --voparquet .build/release/voparquet [--rows 200000 1000000]
                  [--pixel-threshold 20000] [--highest-order 10] [--lowest-order 0]
                  [--workers N] [--out-dir DIR] [--json FILE]

For each row count, Scripts/make_sky_inputs.py writes Tests/hats/sky_table.py's sky
(dense fields, a sparse background, the poles) once, untimed, and keeps it in --out-dir
between runs: as one BINARY2 VOTable for `voparquet hats`, and as the same rows in
--workers Parquet files (pyarrow's defaults) for hats-import, which reads Parquet best
and maps and splits each input file as one task.  Then, each as its own process, once:

* `voparquet hats` in each of VOPARQUET_CONFIGURATIONS (its defaults: zstd level 3,
  --memory-limit 32M, one encoding thread per processor; and zstd level 15, hats-import's
  codec and level);
* hats-import (Scripts/run_hats_import.py): ``pipeline_with_client`` on a Dask local
  cluster of --workers worker processes, one thread each (default: one per processor),
  with hats-import's defaults but no point map (`voparquet hats` writes none).

All get the same ra/dec columns, --pixel-threshold, --highest-order and --lowest-order.
The seconds are each process's wall time, start to exit: voparquet's include parsing the
base64 VOTable; hats-import's include Python's imports and starting and stopping the Dask
cluster (its pipeline alone is reported too).  Memory is sampled every 50 ms over the
process and all its descendants (Dask's nannies and workers): the sum of their VmRSS,
and the sum of their Pss, which counts a page shared by several processes once in all.
"peak RSS" is the larger of the highest sampled sum and os.wait4's ru_maxrss (the peak
of the largest single process, exact for voparquet).  Every catalog must have the same
partitions (order, pixel) with the same row counts, adding up to the input's rows, or
the run stops with BENCHMARK FAILED.  Prints a Markdown table; --json saves every figure
and the memory samples.
"""

import argparse
import datetime
import json
import os
import shutil
import sys
import tempfile

from measure import BenchFailure, launcher_rss_bytes, python, run_measured

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Tests", "hats"))
from catalog_files import partition_files  # noqa: E402

MB = 1_000_000
SAMPLE_SECONDS = 0.05
RA, DEC = "ra", "dec"
# `voparquet hats` settings run at every size: (settings, options).
VOPARQUET_CONFIGURATIONS = (
    ("defaults: zstd 3, --memory-limit 32M, all cores", []),
    ("zstd 15 (hats-import's level), all cores", ["--level", "15"]),
)


def progress(text):
    """A line on stderr saying what runs now."""
    print(f"  {text}", file=sys.stderr, flush=True)


def inputs(args, rows):
    """The VOTable and the Parquet files of ``rows`` rows, generated unless kept from an earlier run."""
    votable = os.path.join(args.out_dir, f"sky_{rows}.xml")
    parquet = os.path.join(args.out_dir, f"sky_{rows}_parquet{args.workers}")
    if not (os.path.exists(votable) and os.path.isdir(parquet)):
        progress(f"generating {votable} and {parquet}")
        run_measured(python("make_sky_inputs.py", "--rows", rows, "--votable", votable, "--parquet", parquet,
                            "--parquet-files", args.workers))
    return votable, sorted(os.path.join(parquet, name) for name in os.listdir(parquet))


def partitions(catalog):
    """{(order, pixel): rows} of a catalog's partition files, and their total bytes."""
    files = partition_files(catalog)
    if not files:
        raise BenchFailure(f"{catalog} has no partition files")
    layouts = {line["path"]: line for line in run_measured(python("parquet_layout.py", *files.values())).json_lines()}
    counts = {pixel: layouts[path]["rows"] for pixel, path in files.items()}
    return counts, sum(layout["bytes"] for layout in layouts.values())


def measured_record(rows, tool, settings, measured, catalog):
    """The figures of one run."""
    counts, catalog_bytes = partitions(catalog)
    if sum(counts.values()) != rows:
        raise BenchFailure(f"{tool} ({settings}) wrote {sum(counts.values())} rows for {rows}")
    return {"rows": rows, "tool": tool, "settings": settings, "seconds": measured.wall_seconds,
            "peak_rss_bytes": max(measured.peak_tree_rss_bytes, measured.peak_rss_bytes),
            "peak_pss_bytes": measured.peak_tree_pss_bytes,
            "largest_process_rss_bytes": measured.peak_rss_bytes,
            "partitions": len(counts), "catalog_bytes": catalog_bytes,
            "partition_rows": sorted([order, pixel, count] for (order, pixel), count in counts.items()),
            "rss_samples": measured.rss_samples, "pss_samples": measured.pss_samples}


def bench_size(args, rows):
    """Every run at one row count; returns their records."""
    votable, parquet_files = inputs(args, rows)
    partitioning = ["--pixel-threshold", args.pixel_threshold, "--highest-order", args.highest_order,
                    "--lowest-order", args.lowest_order]
    records = []
    for index, (settings, options) in enumerate(VOPARQUET_CONFIGURATIONS):
        catalog = os.path.join(args.out_dir, f"voparquet_{rows}_{index}")
        shutil.rmtree(catalog, ignore_errors=True)
        progress(f"{rows} rows: voparquet hats ({settings})")
        measured = run_measured([args.voparquet, "hats", votable, "-o", catalog, "--ra", RA, "--dec", DEC,
                                 *partitioning, *options], sample_every=SAMPLE_SECONDS, pss=True)
        records.append(measured_record(rows, "voparquet hats", settings, measured, catalog))
        shutil.rmtree(catalog)
    catalog = os.path.join(args.out_dir, f"hats_import_{rows}")
    shutil.rmtree(catalog, ignore_errors=True)
    settings = f"Dask local cluster, {args.workers} workers × 1 thread, {len(parquet_files)} Parquet inputs"
    progress(f"{rows} rows: hats-import ({settings})")
    measured = run_measured(python("run_hats_import.py", "--out", catalog, "--ra", RA, "--dec", DEC, *partitioning,
                                   "--workers", args.workers, *parquet_files), sample_every=SAMPLE_SECONDS, pss=True)
    record = measured_record(rows, "hats-import", settings, measured, catalog)
    timings = measured.last_json()
    record["pipeline_seconds"], record["cluster_seconds"] = timings["seconds"], timings["cluster_seconds"]
    records.append(record)
    shutil.rmtree(catalog)
    for other in records[:-1]:
        if other["partition_rows"] != record["partition_rows"]:
            mine = {tuple(entry) for entry in other["partition_rows"]}
            theirs = {tuple(entry) for entry in record["partition_rows"]}
            raise BenchFailure(f"{rows} rows: voparquet hats ({other['settings']}) and hats-import partition "
                               f"differently: (order, pixel, rows) only in voparquet's {sorted(mine - theirs)[:3]}, "
                               f"only in hats-import's {sorted(theirs - mine)[:3]}")
    return records


def print_table(records):
    """One Markdown row per run."""
    print("| rows | tool | settings | s | rows/s | peak RSS MB | peak PSS MB | partitions | catalog MB |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in records:
        seconds = f"{r['seconds']:.1f}"
        if "pipeline_seconds" in r:
            seconds += f" (pipeline {r['pipeline_seconds']:.1f})"
        print(f"| {r['rows']:,} | {r['tool']} | {r['settings']} | {seconds} | {r['rows'] / r['seconds']:,.0f} | "
              f"{r['peak_rss_bytes'] / MB:,.1f} | {r['peak_pss_bytes'] / MB:,.1f} | {r['partitions']} | "
              f"{r['catalog_bytes'] / MB:,.1f} |")


def main(argv):
    """Run every size, print the table, save the JSON."""
    parser = argparse.ArgumentParser(description="Benchmark voparquet hats against hats-import.")
    parser.add_argument("--voparquet", required=True, help="the voparquet executable (release build)")
    parser.add_argument("--rows", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--pixel-threshold", type=int, default=20_000)
    parser.add_argument("--highest-order", type=int, default=10)
    parser.add_argument("--lowest-order", type=int, default=0)
    parser.add_argument("--workers", type=int, default=os.cpu_count(),
                        help="hats-import's Dask workers and Parquet inputs (default: one per processor)")
    parser.add_argument("--out-dir", default=os.path.join(tempfile.gettempdir(), "voparquet-bench-hats"),
                        help="inputs are kept here between runs; catalogs are removed once measured")
    parser.add_argument("--json", help="save every figure and the memory samples to this JSON file")
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    args.voparquet = os.path.abspath(args.voparquet)
    os.makedirs(args.out_dir, exist_ok=True)
    try:
        records = [record for rows in args.rows for record in bench_size(args, rows)]
    except BenchFailure as failure:
        print(f"BENCHMARK FAILED: {failure}", file=sys.stderr)
        return 1
    print_table(records)
    print(f"\n(each voparquet catalog has hats-import's partitions and row counts; {os.cpu_count()} processors; "
          f"no os.wait4 figure can be below this launcher's {launcher_rss_bytes() / MB:.1f} MB)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"date": datetime.date.today().isoformat(), "processors": os.cpu_count(),
                       "pixel_threshold": args.pixel_threshold, "highest_order": args.highest_order,
                       "lowest_order": args.lowest_order, "workers": args.workers, "records": records}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
